/// The heads map kept whole in memory by walletd: set a wallet's head, prove
/// where a wallet sits, read the root. Each change rehashes the path above the
/// wallet (about log2 n hashes); a proof is a walk down. Not thread-safe: its
/// owner (an actor) serialises use.
public final class HeadsTree {
  private final class Node {
    var left: Node?
    var right: Node?
    var leaf: (key: HeadsKey, head: WalletHead)?
    var hash: [UInt8]

    init(key: HeadsKey, head: WalletHead) {
      leaf = (key, head)
      hash = HeadsMap.leafHash(key, head)
    }

    init(left: Node?, right: Node?) {
      self.left = left
      self.right = right
      hash = HeadsMap.nodeHash(left?.hash ?? HeadsMap.empty, right?.hash ?? HeadsMap.empty)
    }

    func rehash() {
      hash = HeadsMap.nodeHash(left?.hash ?? HeadsMap.empty, right?.hash ?? HeadsMap.empty)
    }
  }

  private var top: Node?
  public private(set) var count = 0

  public init() {}

  public var root: [UInt8] { top?.hash ?? HeadsMap.empty }

  public func head(of key: HeadsKey) -> WalletHead? {
    var node = top
    var depth = 0
    while let current = node {
      if let leaf = current.leaf { return leaf.key == key ? leaf.head : nil }
      node = key.bit(depth) ? current.right : current.left
      depth += 1
    }
    return nil
  }

  public func set(_ key: HeadsKey, _ head: WalletHead) {
    top = insert(top, key, head, depth: 0)
  }

  private func insert(_ node: Node?, _ key: HeadsKey, _ head: WalletHead, depth: Int) -> Node {
    guard let node else {
      count += 1
      return Node(key: key, head: head)
    }
    if let leaf = node.leaf {
      if leaf.key == key { return Node(key: key, head: head) }
      // Two wallets in one subtree: a branch here, each goes down its side.
      let branch = Node(left: nil, right: nil)
      branch.leaf = nil
      if leaf.key.bit(depth) { branch.right = node } else { branch.left = node }
      return insert(branch, key, head, depth: depth)
    }
    if key.bit(depth) {
      node.right = insert(node.right, key, head, depth: depth + 1)
    } else {
      node.left = insert(node.left, key, head, depth: depth + 1)
    }
    node.rehash()
    return node
  }

  /// Where `key` sits now (or that it is absent).
  public func proof(_ key: HeadsKey) -> HeadsProof {
    var siblings: [[UInt8]] = []
    var node = top
    var depth = 0
    var terminal = HeadsProof.Terminal.empty
    while let current = node {
      if let leaf = current.leaf {
        terminal = leaf.key == key ? .head(leaf.head) : .other(leaf.key, leaf.head)
        break
      }
      let goRight = key.bit(depth)
      siblings.append((goRight ? current.left : current.right)?.hash ?? HeadsMap.empty)
      node = goRight ? current.right : current.left
      depth += 1
    }
    // At most 256 siblings: two distinct 256-bit keys part before then.
    return try! HeadsProof(siblings: siblings, terminal: terminal)
  }
}
