#include "net/load_generator.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>  // before Asio: works around Asio 1.74 + g++ 12

namespace enshu::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kReadChunkBytes = 64 * 1024;
constexpr std::size_t kMaxHeadBytes = 16 * 1024;
constexpr std::string_view kReleasedAtPrefix = "data: {\"released_at_us\":";
constexpr std::string_view kInjectIdKey = "\"inject_id\":\"";
constexpr std::string_view kInjectEvent = "inject.released";
#ifndef IP_BIND_ADDRESS_NO_PORT
constexpr int IP_BIND_ADDRESS_NO_PORT = 24;  // Linux >= 4.2: pick the port at connect()
#endif

std::int64_t NowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end == text.data()) return std::nullopt;
    return value;
}

// The value of field `name` ("id", "event") in an SSE frame, or empty.
std::string_view FieldOf(std::string_view frame, std::string_view name) {
    std::size_t start = 0;
    while (start < frame.size()) {
        std::size_t end = frame.find('\n', start);
        if (end == std::string_view::npos) end = frame.size();
        std::string_view line = frame.substr(start, end - start);
        if (line.size() > name.size() && line.substr(0, name.size()) == name && line[name.size()] == ':') {
            line.remove_prefix(name.size() + 1);
            if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
            return line;
        }
        start = end + 1;
    }
    return {};
}

double Percentile(const std::vector<std::int64_t>& sorted, double fraction) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return static_cast<double>(sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1]);
}

}  // namespace

struct LoadGenerator::Impl {
    enum class Phase { kWaiting, kOpening, kStreaming, kFailed, kEnded };

    struct Arrival {
        std::string inject_id;
        std::int64_t delay_us = 0;
    };

    struct Stream {
        LoadStream spec;
        std::unique_ptr<tcp::socket> socket;
        std::string request;
        std::string pending;  // bytes not yet parsed (io handlers only)
        // Guarded by mutex:
        Phase phase = Phase::kWaiting;
        bool closed_by_us = false;
        std::int64_t last_seq = 0;
        std::vector<Arrival> arrivals;
    };

    struct Expectation {
        std::string inject_id;
        std::optional<std::vector<std::int64_t>> organisation_ids;
        std::uint64_t stream_count = 0;  // connected streams it should reach
    };

    Impl(LoadSettings load_settings, std::vector<LoadStream> specs)
        : settings(std::move(load_settings)), streams(specs.size()) {
        for (std::size_t i = 0; i < specs.size(); ++i) streams[i].spec = std::move(specs[i]);
    }

    void OpenNext();
    void Open(std::size_t index);
    void WaitRead(std::size_t index);
    void ReadAvailable(std::size_t index);
    void Process(std::size_t index, std::string_view bytes, std::int64_t now_us);
    void HandleFrame(Stream& stream, std::string_view frame, std::int64_t now_us);
    void Fail(std::size_t index, const std::string& reason);
    void Ended(std::size_t index);
    bool Reaches(const Expectation& expectation, const Stream& stream) const;

    LoadSettings settings;
    asio::io_context io;  // declared before the streams: their sockets must go first
    std::vector<Stream> streams;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::vector<std::thread> threads;
    tcp::endpoint server;

    mutable std::mutex mutex;
    std::condition_variable changed;
    std::size_t next_to_open = 0;
    std::size_t connected = 0;
    std::size_t failed = 0;
    std::size_t dropped = 0;
    std::string first_failure;
    std::vector<Expectation> expected;
    std::unordered_map<std::string, std::uint64_t> first_arrivals;  // per inject: streams reached
    std::uint64_t heartbeats = 0;
    std::uint64_t out_of_order = 0;
    std::size_t inject_frame_bytes = 0;
};

void LoadGenerator::Impl::OpenNext() {
    std::size_t index = 0;
    {
        std::lock_guard lock(mutex);
        if (next_to_open >= streams.size()) return;
        index = next_to_open++;
        streams[index].phase = Phase::kOpening;
    }
    Open(index);
}

void LoadGenerator::Impl::Open(std::size_t index) {
    Stream& stream = streams[index];
    stream.socket = std::make_unique<tcp::socket>(asio::make_strand(io));
    boost::system::error_code error;
    stream.socket->open(tcp::v4(), error);
    if (!error && settings.source_addresses > 1) {
        int enable = 1;
        ::setsockopt(stream.socket->native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &enable, sizeof(enable));
        const auto host_part = static_cast<unsigned>(1 + index % static_cast<std::size_t>(settings.source_addresses));
        stream.socket->bind(tcp::endpoint(asio::ip::address_v4((127u << 24) | host_part), 0), error);
    }
    if (error) {
        Fail(index, "socket: " + error.message());
        return;
    }
    stream.request = "GET /api/exercises/" + std::to_string(settings.exercise_id) +
                     "/stream HTTP/1.1\r\nHost: " + settings.host + ":" + std::to_string(settings.port) +
                     "\r\nAccept: text/event-stream\r\nCookie: enshu_session=" + stream.spec.session_token + "\r\n";
    if (stream.spec.last_event_id)
        stream.request += "Last-Event-ID: " + std::to_string(*stream.spec.last_event_id) + "\r\n";
    stream.request += "\r\n";
    stream.socket->async_connect(server, [this, index](const boost::system::error_code& connect_error) {
        if (connect_error) {
            Fail(index, "connect: " + connect_error.message());
            return;
        }
        Stream& opened = streams[index];
        boost::system::error_code ignored;
        opened.socket->set_option(tcp::no_delay(true), ignored);
        asio::async_write(*opened.socket, asio::buffer(opened.request),
                          [this, index](const boost::system::error_code& write_error, std::size_t) {
                              if (write_error) {
                                  Fail(index, "send: " + write_error.message());
                                  return;
                              }
                              streams[index].socket->non_blocking(true);
                              WaitRead(index);
                          });
    });
}

void LoadGenerator::Impl::WaitRead(std::size_t index) {
    streams[index].socket->async_wait(tcp::socket::wait_read, [this, index](const boost::system::error_code& error) {
        if (error) {
            Ended(index);
            return;
        }
        ReadAvailable(index);
    });
}

void LoadGenerator::Impl::ReadAvailable(std::size_t index) {
    thread_local std::vector<char> buffer(kReadChunkBytes);
    Stream& stream = streams[index];
    for (;;) {
        boost::system::error_code error;
        const std::size_t received = stream.socket->read_some(asio::buffer(buffer), error);
        if (error == asio::error::would_block || error == asio::error::try_again) break;
        if (error) {
            Ended(index);
            return;
        }
        Process(index, std::string_view(buffer.data(), received), NowMicros());
        if (received < buffer.size()) break;
    }
    {
        std::lock_guard lock(mutex);
        if (stream.phase == Phase::kFailed || stream.phase == Phase::kEnded) return;
    }
    WaitRead(index);
}

void LoadGenerator::Impl::Process(std::size_t index, std::string_view bytes, std::int64_t now_us) {
    Stream& stream = streams[index];
    stream.pending.append(bytes);
    Phase phase;
    {
        std::lock_guard lock(mutex);
        phase = stream.phase;
    }
    if (phase == Phase::kOpening) {
        const std::size_t head_end = stream.pending.find("\r\n\r\n");
        if (head_end == std::string::npos) {
            if (stream.pending.size() > kMaxHeadBytes) Fail(index, "response: header too large");
            return;
        }
        const std::string status_line = stream.pending.substr(0, stream.pending.find("\r\n"));
        if (status_line.rfind("HTTP/1.1 200", 0) != 0 && status_line.rfind("HTTP/1.0 200", 0) != 0) {
            Fail(index, "response: " + status_line + " " + stream.pending.substr(head_end + 4, 300));
            return;
        }
        stream.pending.erase(0, head_end + 4);
        {
            std::lock_guard lock(mutex);
            stream.phase = Phase::kStreaming;
            ++connected;
        }
        changed.notify_all();
        OpenNext();
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = stream.pending.find("\n\n", start);
        if (end == std::string::npos) break;
        HandleFrame(stream, std::string_view(stream.pending).substr(start, end - start), now_us);
        start = end + 2;
    }
    stream.pending.erase(0, start);
}

void LoadGenerator::Impl::HandleFrame(Stream& stream, std::string_view frame, std::int64_t now_us) {
    if (frame.empty()) return;
    if (frame.front() == ':') {
        if (frame.find("heartbeat") != std::string_view::npos) {
            std::lock_guard lock(mutex);
            ++heartbeats;
        }
        return;
    }
    const auto seq = ParseInteger(FieldOf(frame, "id"));
    const bool inject = FieldOf(frame, "event") == kInjectEvent;
    std::string inject_id;
    std::int64_t delay_us = 0;
    if (inject) {
        const std::size_t data = frame.find(kReleasedAtPrefix);
        const auto released_at = data == std::string_view::npos
                                     ? std::nullopt
                                     : ParseInteger(frame.substr(data + kReleasedAtPrefix.size(), 20));
        const std::size_t key = frame.find(kInjectIdKey);
        if (released_at && key != std::string_view::npos) {
            const std::size_t value = key + kInjectIdKey.size();
            inject_id = std::string(frame.substr(value, frame.find('"', value) - value));
            delay_us = now_us - *released_at;
        }
    }
    std::lock_guard lock(mutex);
    if (seq) {
        if (*seq <= stream.last_seq) ++out_of_order;
        stream.last_seq = std::max(stream.last_seq, *seq);
    }
    if (inject_id.empty()) return;
    inject_frame_bytes = std::max(inject_frame_bytes, frame.size() + 2);
    const bool first = std::none_of(stream.arrivals.begin(), stream.arrivals.end(),
                                    [&](const Arrival& arrival) { return arrival.inject_id == inject_id; });
    if (first) ++first_arrivals[inject_id];
    stream.arrivals.push_back(Arrival{std::move(inject_id), delay_us});
}

void LoadGenerator::Impl::Fail(std::size_t index, const std::string& reason) {
    Stream& stream = streams[index];
    boost::system::error_code ignored;
    if (stream.socket) stream.socket->close(ignored);
    {
        std::lock_guard lock(mutex);
        if (stream.phase == Phase::kFailed || stream.phase == Phase::kEnded) return;
        stream.phase = Phase::kFailed;
        ++failed;
        if (first_failure.empty()) first_failure = "stream " + std::to_string(index) + ": " + reason;
    }
    changed.notify_all();
    OpenNext();
}

void LoadGenerator::Impl::Ended(std::size_t index) {
    Stream& stream = streams[index];
    Phase before;
    {
        std::lock_guard lock(mutex);
        before = stream.phase;
    }
    if (before == Phase::kOpening) {
        Fail(index, "closed before the response header");
        return;
    }
    boost::system::error_code ignored;
    stream.socket->close(ignored);
    {
        std::lock_guard lock(mutex);
        if (stream.phase != Phase::kStreaming) return;
        stream.phase = Phase::kEnded;
        if (!stream.closed_by_us) ++dropped;
    }
    changed.notify_all();
}

bool LoadGenerator::Impl::Reaches(const Expectation& expectation, const Stream& stream) const {
    if (!expectation.organisation_ids) return true;
    const auto& ids = *expectation.organisation_ids;
    return std::find(ids.begin(), ids.end(), stream.spec.organisation_id) != ids.end();
}

LoadGenerator::LoadGenerator(LoadSettings settings, std::vector<LoadStream> streams)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(streams))) {}

LoadGenerator::~LoadGenerator() {
    Impl& impl = *impl_;
    for (std::size_t i = 0; i < impl.streams.size(); ++i) CloseStream(i);
    impl.work.reset();
    impl.io.stop();
    for (auto& thread : impl.threads) thread.join();
}

Status LoadGenerator::Connect() {
    Impl& impl = *impl_;
    boost::system::error_code error;
    const auto address = asio::ip::make_address(impl.settings.host, error);
    if (error || !address.is_loopback()) {
        return Fail(ErrorCode::kInvalidArgument, "host: must be a loopback address, not '" + impl.settings.host + "'",
                    "host");
    }
    impl.server = tcp::endpoint(address, impl.settings.port);
    impl.work.emplace(impl.io.get_executor());
    for (int i = 0; i < std::max(1, impl.settings.io_threads); ++i) {
        impl.threads.emplace_back([&impl] { impl.io.run(); });
    }
    const int parallel = std::max(1, impl.settings.connect_parallelism);
    for (int i = 0; i < parallel; ++i) asio::post(impl.io, [&impl] { impl.OpenNext(); });

    const auto deadline = std::chrono::steady_clock::now() + impl.settings.connect_timeout;
    std::unique_lock lock(impl.mutex);
    const bool answered = impl.changed.wait_until(
        lock, deadline, [&impl] { return impl.connected + impl.failed >= impl.streams.size(); });
    if (!answered) {
        return Fail(ErrorCode::kUnavailable,
                    "connect: " + std::to_string(impl.connected) + " of " + std::to_string(impl.streams.size()) +
                        " streams open after the timeout (" + std::to_string(impl.failed) + " failed" +
                        (impl.first_failure.empty() ? "" : "; first: " + impl.first_failure) + ")",
                    "streams");
    }
    if (impl.failed > 0) {
        return Fail(ErrorCode::kUnavailable,
                    "connect: " + std::to_string(impl.failed) + " of " + std::to_string(impl.streams.size()) +
                        " streams failed; first: " + impl.first_failure,
                    "streams");
    }
    return Ok();
}

void LoadGenerator::Expect(const std::string& inject_id, std::optional<std::vector<std::int64_t>> organisation_ids) {
    Impl& impl = *impl_;
    std::lock_guard lock(impl.mutex);
    Impl::Expectation expectation{inject_id, std::move(organisation_ids), 0};
    for (const auto& stream : impl.streams) {
        const bool opened = stream.phase == Impl::Phase::kStreaming || stream.phase == Impl::Phase::kEnded;
        if (opened && impl.Reaches(expectation, stream)) ++expectation.stream_count;
    }
    impl.expected.push_back(std::move(expectation));
}

bool LoadGenerator::WaitForDelivery(std::chrono::steady_clock::time_point deadline) {
    Impl& impl = *impl_;
    for (;;) {
        {
            std::lock_guard lock(impl.mutex);
            const bool complete =
                std::all_of(impl.expected.begin(), impl.expected.end(), [&impl](const Impl::Expectation& expectation) {
                    auto found = impl.first_arrivals.find(expectation.inject_id);
                    return found != impl.first_arrivals.end() && found->second >= expectation.stream_count;
                });
            if (complete) return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

LoadReport LoadGenerator::Report() const {
    const Impl& impl = *impl_;
    std::lock_guard lock(impl.mutex);
    LoadReport report;
    report.streams = impl.streams.size();
    report.connected = impl.connected;
    report.failed = impl.failed;
    report.dropped = impl.dropped;
    report.heartbeats = impl.heartbeats;
    report.out_of_order = impl.out_of_order;
    report.inject_frame_bytes = impl.inject_frame_bytes;
    report.first_failure = impl.first_failure;
    std::vector<std::int64_t> delays;
    std::unordered_map<std::string, const Impl::Expectation*> by_id;
    for (const auto& expectation : impl.expected) by_id[expectation.inject_id] = &expectation;
    for (const auto& stream : impl.streams) {
        const bool opened = stream.phase == Impl::Phase::kStreaming || stream.phase == Impl::Phase::kEnded;
        if (!opened) continue;
        std::unordered_map<std::string_view, std::uint64_t> counts;
        for (const auto& arrival : stream.arrivals) {
            auto expectation = by_id.find(arrival.inject_id);
            if (expectation == by_id.end() || !impl.Reaches(*expectation->second, stream)) {
                ++report.misaddressed;
                continue;
            }
            if (counts[arrival.inject_id]++ == 0) {
                delays.push_back(arrival.delay_us);
            } else {
                ++report.duplicates;
            }
        }
        for (const auto& expectation : impl.expected) {
            if (!impl.Reaches(expectation, stream)) continue;
            ++report.expected;
            if (counts.count(expectation.inject_id) > 0) ++report.received;
        }
    }
    report.lost = report.expected - report.received;
    std::sort(delays.begin(), delays.end());
    report.delay_p50_us = static_cast<std::int64_t>(Percentile(delays, 0.50));
    report.delay_p99_us = static_cast<std::int64_t>(Percentile(delays, 0.99));
    report.delay_max_us = delays.empty() ? 0 : delays.back();
    return report;
}

std::vector<std::vector<std::string>> LoadGenerator::ReceivedInjects() const {
    const Impl& impl = *impl_;
    std::lock_guard lock(impl.mutex);
    std::vector<std::vector<std::string>> received(impl.streams.size());
    for (std::size_t i = 0; i < impl.streams.size(); ++i) {
        for (const auto& arrival : impl.streams[i].arrivals) received[i].push_back(arrival.inject_id);
    }
    return received;
}

void LoadGenerator::CloseStream(std::size_t index) {
    Impl& impl = *impl_;
    if (index >= impl.streams.size()) return;
    {
        std::lock_guard lock(impl.mutex);
        impl.streams[index].closed_by_us = true;
    }
    auto& socket = impl.streams[index].socket;
    if (!socket) return;
    asio::post(socket->get_executor(), [&impl, index] {
        boost::system::error_code ignored;
        impl.streams[index].socket->close(ignored);
    });
}

}  // namespace enshu::net
