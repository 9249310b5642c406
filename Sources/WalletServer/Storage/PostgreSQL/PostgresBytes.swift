import NIOCore
import PostgresNIO

/// Bytes as PostgreSQL's `bytea`, both ways: the one way walletd binds and reads bytes.
///
/// postgres-nio binds a bare `[UInt8]` as `"char"[]` (an array of one-byte characters),
/// not as `bytea`, and it decodes any column into a `ByteBuffer` without looking at its
/// type. This wrapper binds a `ByteBuffer` (sent as `bytea`) and refuses to decode anything
/// but a binary `bytea`, so that a wrong column is an error rather than its text's bytes.
///
///     try await connection.query("INSERT INTO t (b) VALUES (\(PostgresBytes(bytes)))", logger: l)
///     let bytes = try row.decode(PostgresBytes.self).bytes
public struct PostgresBytes: Sendable, Equatable, PostgresNonThrowingEncodable, PostgresDecodable {
  public let bytes: [UInt8]

  public init(_ bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }

  public static var psqlType: PostgresDataType { .bytea }
  public static var psqlFormat: PostgresFormat { .binary }

  public func encode<JSONEncoder: PostgresJSONEncoder>(
    into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    byteBuffer.writeBytes(bytes)
  }

  public init<JSONDecoder: PostgresJSONDecoder>(
    from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
    context: PostgresDecodingContext<JSONDecoder>
  ) throws {
    guard type == .bytea, format == .binary else { throw PostgresDecodingError.Code.typeMismatch }
    bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
  }
}
