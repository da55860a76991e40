import CCurl

/// libcurl's process-wide setup must run once before any handle is made.
enum CurlGlobal {
    private static let initialized: Bool = scour_curl_global_init_all() == CURLE_OK

    /// True when libcurl is ready; false when its global setup failed (no TLS library, out of memory).
    static var ready: Bool { initialized }
}
