import CHygiene

/// Process-wide protection of secrets in memory.
public enum MemoryHygiene {
  /// No core dumps: the core size limit (soft and hard) is set to 0, and the
  /// process is made non-dumpable, since a core pipe (systemd-coredump,
  /// apport) ignores the size limit. Returns false if either call failed.
  @discardableResult
  public static func disableCoreDumps() -> Bool {
    var limit = rlimit(rlim_cur: 0, rlim_max: 0)
    let limited = setrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0
    let undumpable = psp_set_undumpable() == 0
    return limited && undumpable
  }

  /// Whether this process may dump core (false once `disableCoreDumps` ran).
  public static var coreDumpsPossible: Bool {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    return psp_get_dumpable() != 0 || limit.rlim_max != 0
  }
}
