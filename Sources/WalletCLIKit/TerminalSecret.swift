import Foundation
import PSPCrypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a passphrase from the controlling terminal with echo off. The bytes
/// go straight into guarded memory; the read buffer is wiped. Nothing is read
/// from a pipe: a passphrase for a script comes from `--passphrase-file` or
/// `PSP_PASSPHRASE`, never from standard input by accident.
enum TerminalSecret {
  /// The longest passphrase read; more is a pasted file, not a passphrase.
  static let maximumBytes = 1024

  static func read(prompt: String) -> SecureBytes? {
    let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var saved = termios()
    guard tcgetattr(fd, &saved) == 0 else { return nil }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    quiet.c_lflag |= tcflag_t(ECHONL)
    writeAll(fd, prompt)
    guard tcsetattr(fd, TCSAFLUSH, &quiet) == 0 else { return nil }
    // Echo comes back whatever happens below.
    defer { _ = tcsetattr(fd, TCSAFLUSH, &saved) }
    var buffer = [UInt8]()
    defer { wipe(&buffer) }
    buffer.reserveCapacity(maximumBytes)
    var byte: UInt8 = 0
    while buffer.count < maximumBytes {
      let n = readByte(fd, &byte)
      if n <= 0 || byte == 0x0A || byte == 0x0D { break }
      buffer.append(byte)
    }
    byte = 0
    return SecureBytes(copying: buffer)
  }

  private static func readByte(_ fd: Int32, _ byte: inout UInt8) -> Int {
    #if canImport(Glibc)
      Glibc.read(fd, &byte, 1)
    #else
      Darwin.read(fd, &byte, 1)
    #endif
  }

  private static func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      offset += n
    }
    bytes.removeAll()
  }
}
