/// What a store fails with whatever the engine, answered 503 with a neutral
/// text (`APIError`): never the client's fault.
enum StoreError: Error, Equatable {
  /// An append or insert under a lock this transaction does not hold, or for
  /// an entry of another wallet.
  case notLocked
  /// The connection was lost while the database committed: the write may or
  /// may not be stored.
  case ambiguousCommit
}
