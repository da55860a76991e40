/// Which listed URLs go to the fetcher, and when. Each host has a window of its own (URLs
/// handed to the fetcher and not finished), so a host slowed by its Crawl-delay fills only
/// its own window and the hosts listed after it go at their own pace. A URL whose host's
/// window is full waits here, in list order per host; hosts with room take turns.
struct HostWindows {
    private struct Host {
        var waiting: [(tag: Int, url: String)] = []
        var head = 0
        var inFetcher = 0

        var hasWaiting: Bool { head < waiting.count }
    }

    /// URLs of one host in the fetcher at once.
    let perHost: Int
    /// URLs in the fetcher at once, over all hosts.
    let total: Int
    private var hosts: [String: Host] = [:]
    private var hostOfTag: [Int: String] = [:]
    /// Hosts with a URL waiting and room in their window, in turn; each at most once.
    private var turns: [String] = []
    private var turnHead = 0
    private var inTurns: Set<String> = []
    private(set) var inFetcher = 0

    init(perHost: Int, total: Int) {
        self.perHost = max(1, perHost)
        self.total = max(1, total)
    }

    /// A listed URL, waiting for its host's window.
    mutating func add(_ url: String, tag: Int, host: String) {
        hosts[host, default: Host()].waiting.append((tag, url))
        hostOfTag[tag] = host
        takeTurnIfReady(host)
    }

    /// The fetcher gave back `tag`'s outcome: its host's window has room again.
    mutating func finished(_ tag: Int) {
        guard let host = hostOfTag.removeValue(forKey: tag), var entry = hosts[host] else { return }
        entry.inFetcher -= 1
        inFetcher -= 1
        if entry.inFetcher == 0 && !entry.hasWaiting {
            hosts[host] = nil
        } else {
            hosts[host] = entry
            takeTurnIfReady(host)
        }
    }

    /// URLs to hand to the fetcher now. `first` (the next URL to hand out in list order) goes
    /// whatever the limits, as output waits for it; with `onlyFirst` nothing else goes.
    mutating func release(first: Int, onlyFirst: Bool) -> [(tag: Int, url: String)] {
        var out: [(tag: Int, url: String)] = []
        // A waiting `first` heads its host's queue, and its host has nothing in the fetcher
        // (the host's earlier URLs were all handed out), so its window has room.
        if let host = hostOfTag[first], let entry = hosts[host], entry.hasWaiting, entry.waiting[entry.head].tag == first {
            out.append(take(host))
        }
        guard !onlyFirst else { return out }
        while inFetcher < total, turnHead < turns.count {
            let host = turns[turnHead]
            turnHead += 1
            inTurns.remove(host)
            guard let entry = hosts[host], entry.hasWaiting, entry.inFetcher < perHost else { continue }
            out.append(take(host))
            takeTurnIfReady(host)
        }
        if turnHead > 64, turnHead * 2 > turns.count {
            turns.removeFirst(turnHead)
            turnHead = 0
        }
        return out
    }

    private mutating func take(_ host: String) -> (tag: Int, url: String) {
        var entry = hosts[host]!
        let next = entry.waiting[entry.head]
        entry.head += 1
        if entry.head > 64, entry.head * 2 > entry.waiting.count {
            entry.waiting.removeFirst(entry.head)
            entry.head = 0
        }
        entry.inFetcher += 1
        inFetcher += 1
        hosts[host] = entry
        return next
    }

    private mutating func takeTurnIfReady(_ host: String) {
        guard let entry = hosts[host], entry.hasWaiting, entry.inFetcher < perHost, !inTurns.contains(host) else { return }
        turns.append(host)
        inTurns.insert(host)
    }
}
