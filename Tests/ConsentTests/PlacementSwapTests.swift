import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

/// Ciphertexts and keys moved systematically across wallets × fields ×
/// versions × grants (issue 7): every placement but the original is tried, and
/// none may open. The originals must open, or the count of refusals would
/// prove nothing. The counts are printed for the proof report.
@Suite("Ciphertext and key swapping") struct PlacementSwapTests {
  private struct Placed {
    let record: FieldRecord
    let circleKey: SymmetricKey
    let dataKey: SymmetricKey
    let plaintext: [UInt8]
  }

  private static let fields: [(FieldID, Circle)] = [
    ("given_names", .core), ("address", .personal), ("iban", .moneyAndHousing), ("health_insurance_affiliation", .healthAndSocial),
  ]

  /// 3 wallets, each with its own circle keys, × 4 fields in 4 circles × 2 versions.
  private func population() throws -> [Placed] {
    var placed: [Placed] = []
    for _ in 0..<3 {
      let wallet = WalletID()
      let circleKeys = Dictionary(uniqueKeysWithValues: Circle.allCases.map { ($0, SymmetricKey()) })
      for (field, circle) in Self.fields {
        for version: UInt64 in [1, 2] {
          let plaintext = Array("\(field.rawValue) v\(version) of \(wallet)".utf8)
          let sealed = try FieldSealer.seal(
            plaintext, wallet: wallet, field: field, version: version, circle: circle,
            circleKey: circleKeys[circle]!, circleEpoch: 1, createdAt: 1)
          placed.append(Placed(record: sealed.record, circleKey: circleKeys[circle]!, dataKey: sealed.dataKey, plaintext: plaintext))
        }
      }
    }
    return placed
  }

  private func moved(_ source: FieldRecord, to target: FieldRecord, parts: FieldRecord? = nil) -> FieldRecord {
    let parts = parts ?? source
    return FieldRecord(
      wallet: target.wallet, field: target.field, version: target.version, circle: target.circle,
      circleEpoch: target.circleEpoch, ciphertext: source.ciphertext, commitment: parts.commitment,
      wrappedDataKey: parts.wrappedDataKey, createdAt: target.createdAt)
  }

  @Test func aRecordOpensOnlyInItsOwnPlacement() throws {
    let placed = try population()
    #expect(Set(placed.map { "\($0.record.wallet)/\($0.record.field)/\($0.record.version)" }).count == 24)
    var tried = 0
    var openedElsewhere = 0
    for source in placed {
      for target in placed {
        let same = source.record == target.record
        // The whole record moved, opened with the target's circle key (what a
        // reader of the target placement holds) and with its own.
        // Then the ciphertext alone moved, beside the target's wrapped key and commitment.
        let attempts: [(FieldRecord, SymmetricKey)] = [
          (moved(source.record, to: target.record), target.circleKey),
          (moved(source.record, to: target.record), source.circleKey),
          (moved(source.record, to: target.record, parts: target.record), target.circleKey),
        ]
        for (record, key) in attempts {
          let opened = try? FieldSealer.open(record, circleKey: key)
          if same {
            #expect(opened == source.plaintext, "the original placement must open")
          } else {
            tried += 1
            if opened != nil { openedElsewhere += 1 }
          }
        }
      }
    }
    print("placement swaps (records): \(tried) moved placements tried, \(openedElsewhere) opened")
    #expect(tried == 24 * 23 * 3)
    #expect(openedElsewhere == 0)
  }

  @Test func aGrantKeyOpensOnlyItsOwnRecordForItsOwnGrantAndGrantee() throws {
    let placed = try population()
    let administrations = [AgreementKey(), AgreementKey()]
    // Two grants per wallet, each to one administration, each holding a key
    // for every record of its wallet.
    var keys: [(key: GrantKey, record: FieldRecord, grantee: Int)] = []
    var grants: [StatementID] = []
    for wallet in Set(placed.map(\.record.wallet)) {
      for grantee in 0..<2 {
        let grant = StatementID()
        grants.append(grant)
        for item in placed where item.record.wallet == wallet {
          keys.append(
            (try GrantKey.seal(item.dataKey, of: item.record, grant: grant, to: administrations[grantee].publicKey),
             item.record, grantee))
        }
      }
    }
    var tried = 0
    var openedElsewhere = 0
    for (key, own, grantee) in keys {
      for target in placed {
        for grant in [key.grant, grants.first { $0 != key.grant }!] {
          for reader in 0..<2 {
            let moved = GrantKey(grant: grant, field: target.record.field, version: target.record.version, sealedKey: key.sealedKey)
            // The sealed key moved onto the target's record, its grant id kept
            // or changed, opened by either administration.
            let opened = try? moved.open(target.record, with: administrations[reader])
            if target.record == own && grant == key.grant && reader == grantee {
              #expect(opened == target.plaintext, "the original placement must open")
            } else {
              tried += 1
              if opened != nil { openedElsewhere += 1 }
            }
          }
        }
      }
    }
    print("placement swaps (grant keys): \(tried) moved placements tried, \(openedElsewhere) opened")
    #expect(tried == keys.count * 24 * 2 * 2 - keys.count)
    #expect(openedElsewhere == 0)
  }
}
