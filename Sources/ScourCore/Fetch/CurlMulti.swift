import CCurl
import Foundation

/// One HTTP GET as libcurl should perform it.
struct CurlRequest: Sendable {
    var url: String
    /// Extra request header lines, e.g. `If-None-Match: "abc"`.
    var headers: [String] = []
    var userAgent: String
    var connectTimeout: Double
    var timeout: Double
    var maxRedirects: Int
    var maxBytes: Int
    /// Abort a 2xx response whose Content-Type is not HTML or text, before its body is downloaded.
    var checkContentType = true
    /// Keep the request headers as sent (for WARC request records).
    var captureRequest = false
}

/// Why Scour stopped a transfer itself.
enum CurlAbort: Sendable, Equatable {
    case tooLarge
    case contentType(String)
}

/// What one finished transfer produced: the final response of the redirect chain, or an error.
struct CurlResponse: Sendable {
    /// libcurl's result code (0: a response arrived) and its message.
    var code: Int32 = 0
    var message = ""
    var status = 0
    var statusLine = ""
    /// Header lines of the final response, without line ends.
    var headerLines: [String] = []
    var body: [UInt8] = []
    /// The request header block as sent for the final hop (empty unless captured).
    var requestHeader: [UInt8] = []
    var effectiveURL = ""
    /// Where a 3xx response points, made absolute by libcurl (when it did not follow it itself).
    var redirectURL: String?
    var redirects = 0
    var primaryIP: String?
    var abort: CurlAbort?
    var seconds: Double = 0

    /// The last value of a header, case-insensitively.
    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        for line in headerLines.reversed() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == lower {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    var isTimeout: Bool { code == CURLE_OPERATION_TIMEDOUT.rawValue }
    var isTooManyRedirects: Bool { code == CURLE_TOO_MANY_REDIRECTS.rawValue }

    /// Failures that may pass: timeouts and broken or refused connections.
    var isTransientError: Bool {
        let transient: [CURLcode] = [CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
                                     CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR, CURLE_HTTP2,
                                     CURLE_HTTP2_STREAM]
        return abort == nil && transient.contains { $0.rawValue == code }
    }
}

/// The state of one transfer while libcurl runs it; libcurl's callbacks reach it through
/// their user-data pointer, so it must stay alive (owned by `CurlMulti`) until the transfer ends.
final class CurlTransfer {
    let request: CurlRequest
    let easy: UnsafeMutableRawPointer
    var headerList: UnsafeMutablePointer<curl_slist>?
    var response = CurlResponse()
    let started = Date()

    init?(request: CurlRequest) {
        guard let easy = curl_easy_init() else { return nil }
        self.request = request
        self.easy = easy
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
    }

    /// Sets every option; false when libcurl refuses one (then the URL fails with the message).
    func configure() -> String? {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = []
        codes.append(scour_curl_setopt_string(easy, CURLOPT_URL, request.url))
        // The URL is already normalized and robots.txt was matched against it: send it as it is.
        codes.append(scour_curl_setopt_long(easy, CURLOPT_PATH_AS_IS, 1))
        codes.append(scour_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        codes.append(scour_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        codes.append(scour_curl_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        codes.append(scour_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, request.maxRedirects > 0 ? 1 : 0))
        codes.append(scour_curl_setopt_long(easy, CURLOPT_MAXREDIRS, request.maxRedirects))
        codes.append(scour_curl_setopt_string(easy, CURLOPT_USERAGENT, request.userAgent))
        // "" offers every encoding libcurl can decode (gzip, deflate, br where built in) and decodes the body.
        codes.append(scour_curl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        codes.append(scour_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(request.connectTimeout * 1000))))
        codes.append(scour_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, Int(request.timeout * 1000))))
        // Refused up front when the server announces a larger Content-Length; chunked bodies are cut in `receive`.
        codes.append(scour_curl_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBytes)))
        codes.append(scour_curl_setopt_pointer(easy, CURLOPT_PRIVATE, me))
        for line in request.headers { headerList = curl_slist_append(headerList, line) }
        if let headerList { codes.append(scour_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)) }
        codes.append(scour_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        codes.append(scour_curl_setopt_write_function(easy, CURLOPT_WRITEFUNCTION) { buffer, size, count, user in
            guard let buffer, let user else { return scour_curl_write_abort() }
            return Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue().receiveBody(buffer, size * count)
        })
        codes.append(scour_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, me))
        codes.append(scour_curl_setopt_write_function(easy, CURLOPT_HEADERFUNCTION) { buffer, size, count, user in
            guard let buffer, let user else { return scour_curl_write_abort() }
            return Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue().receiveHeader(buffer, size * count)
        })
        if request.captureRequest {
            // The debug callback only runs in verbose mode; it then gets what would go to stderr.
            codes.append(scour_curl_setopt_long(easy, CURLOPT_VERBOSE, 1))
            codes.append(scour_curl_setopt_pointer(easy, CURLOPT_DEBUGDATA, me))
            codes.append(scour_curl_setopt_debug_function(easy) { _, kind, data, size, user in
                guard kind == CURLINFO_HEADER_OUT, let data, let user else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
                transfer.response.requestHeader = Array(UnsafeRawBufferPointer(start: data, count: size))
                return 0
            })
        }
        if let bad = codes.first(where: { $0 != CURLE_OK }) { return String(cString: curl_easy_strerror(bad)) }
        return nil
    }

    private func receiveBody(_ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int {
        if response.abort != nil { return scour_curl_write_abort() }
        if response.body.count + size > request.maxBytes {
            // Dropped rather than kept: the body is never held past the limit.
            response.abort = .tooLarge
            response.body = []
            return scour_curl_write_abort()
        }
        response.body.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: size))
        return size
    }

    private func receiveHeader(_ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int {
        var bytes = UnsafeRawBufferPointer(start: buffer, count: size)[...]
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new response in the chain (a redirect hop, or 100 Continue): start over.
            response.statusLine = line
            response.headerLines = []
            response.body = []
            response.status = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
            return size
        }
        if !line.isEmpty {
            response.headerLines.append(line)
            return size
        }
        // End of this response's headers.
        let status = response.status
        guard (200...299).contains(status) else { return size }
        if let length = response.header("Content-Length").flatMap(Int.init), length > request.maxBytes {
            response.abort = .tooLarge
            return scour_curl_write_abort()
        }
        if request.checkContentType, let type = response.header("Content-Type").flatMap(MediaType.init(header:)),
           type.inputFormat == nil {
            response.abort = .contentType(type.essence)
            return scour_curl_write_abort()
        }
        return size
    }

    /// Fills in what libcurl knows once the transfer is over.
    func finish(code: CURLcode) -> CurlResponse {
        response.code = Int32(bitPattern: code.rawValue)
        if code != CURLE_OK { response.message = String(cString: curl_easy_strerror(code)) }
        var status = 0
        if scour_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK, status != 0 { response.status = status }
        var redirects = 0
        if scour_curl_getinfo_long(easy, CURLINFO_REDIRECT_COUNT, &redirects) == CURLE_OK { response.redirects = redirects }
        var text: UnsafeMutablePointer<CChar>?
        if scour_curl_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &text) == CURLE_OK, let text {
            response.effectiveURL = String(cString: text)
        } else {
            response.effectiveURL = request.url
        }
        text = nil
        if (300...399).contains(response.status), scour_curl_getinfo_string(easy, CURLINFO_REDIRECT_URL, &text) == CURLE_OK,
           let text, text.pointee != 0 {
            response.redirectURL = String(cString: text)
        }
        text = nil
        if scour_curl_getinfo_string(easy, CURLINFO_PRIMARY_IP, &text) == CURLE_OK, let text, text.pointee != 0 {
            response.primaryIP = String(cString: text)
        }
        if code == CURLE_FILESIZE_EXCEEDED { response.abort = .tooLarge }
        if response.abort == .tooLarge { response.body = [] }
        response.seconds = Date().timeIntervalSince(started)
        return response
    }
}

/// A libcurl multi handle: many transfers on one thread, driven by `perform`.
/// Scheduling (which URL, when) is the caller's; this type only runs transfers.
final class CurlMulti {
    private let multi: UnsafeMutableRawPointer
    private var transfers: [UInt: (tag: Int, transfer: CurlTransfer)] = [:]

    var activeCount: Int { transfers.count }

    init?(maxTotal: Int, maxPerHost: Int) {
        guard CurlGlobal.ready, let multi = curl_multi_init() else { return nil }
        self.multi = multi
        _ = scour_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxTotal)
        _ = scour_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
    }

    deinit {
        for (_, entry) in transfers { curl_multi_remove_handle(multi, entry.transfer.easy) }
        transfers.removeAll()
        curl_multi_cleanup(multi)
    }

    /// Starts a transfer; returns why it could not start, or nil.
    func add(_ request: CurlRequest, tag: Int) -> String? {
        guard let transfer = CurlTransfer(request: request) else { return "libcurl could not create a transfer" }
        if let problem = transfer.configure() { return problem }
        let status = curl_multi_add_handle(multi, transfer.easy)
        guard status == CURLM_OK else { return String(cString: curl_multi_strerror(status)) }
        transfers[UInt(bitPattern: transfer.easy)] = (tag, transfer)
        return nil
    }

    /// Runs transfers for up to `waitMilliseconds` (less when something happens) and returns those finished.
    func perform(waitMilliseconds: Int) -> [(tag: Int, response: CurlResponse)] {
        var running: Int32 = 0
        curl_multi_perform(multi, &running)
        if running > 0 {
            curl_multi_poll(multi, nil, 0, Int32(max(0, waitMilliseconds)), nil)
            curl_multi_perform(multi, &running)
        }
        var finished: [(Int, CurlResponse)] = []
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let entry = transfers.removeValue(forKey: UInt(bitPattern: easy)) else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            finished.append((entry.tag, entry.transfer.finish(code: code)))
        }
        return finished
    }
}
