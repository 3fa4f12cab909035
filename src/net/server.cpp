#include "net/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>  // before Asio: works around Asio 1.74 + g++ 12
#include <vector>

#include "net/sse_hub.hpp"
#include "net/sse_stream.hpp"

namespace enshu::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// After an error response that ends the connection, unread request bytes are drained
// for at most this long (and this much) so the client sees the response, not a reset.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 16 * 1024 * 1024;
constexpr std::size_t kFirstReadBytes = 4096;

int CoreCount() { return std::max(1u, std::thread::hardware_concurrency()); }

std::string LowerCase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

api::Request ToApiRequest(http::request<http::string_body>&& message, const std::string& remote_address) {
    api::Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
        std::string name = LowerCase(std::string(field.name_string()));
        auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
        if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + std::string(field.value());
    }
    request.body = std::move(message.body());
    request.remote_address = remote_address;
    return request;
}

http::response<http::string_body> ToBeastResponse(api::Response&& response, unsigned version, bool keep_alive,
                                                  bool is_head) {
    http::response<http::string_body> message{static_cast<http::status>(response.status), version};
    if (!response.content_type.empty()) message.set(http::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) message.insert(name, value);
    message.keep_alive(keep_alive);
    if (is_head) {
        message.content_length(response.body.size());
    } else {
        message.body() = std::move(response.body);
        message.prepare_payload();
    }
    return message;
}

// An error answered by the network layer itself (the request never reached the pipeline).
api::Response NetworkError(ErrorCode code, std::string message, std::string field) {
    api::Response response = api::Response::FromError(Error{code, std::move(message), std::move(field)});
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// The status line and headers of a live event stream: no Content-Length (the body
// runs until the connection closes), no caching, no proxy buffering. The pipeline's
// own headers (request id, security headers) are kept; its Cache-Control is replaced.
// The body starts with the reconnect delay for EventSource.
std::string StreamHead(const api::Response& response, unsigned version) {
    std::string head = version == 10 ? "HTTP/1.0 200 OK\r\n" : "HTTP/1.1 200 OK\r\n";
    head += "Content-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\nX-Accel-Buffering: no\r\n";
    if (version != 10) head += "Connection: keep-alive\r\n";
    for (const auto& [name, value] : response.headers) {
        const std::string lower = LowerCase(name);
        if (lower == "cache-control" || lower == "content-type" || lower == "content-length" || lower == "connection" ||
            lower == "transfer-encoding") {
            continue;
        }
        head += name + ": " + value + "\r\n";
    }
    head += "\r\nretry: 2000\n\n";
    return head;
}

}  // namespace

class Session;

struct HttpServer::Impl {
    Impl(api::ServerSettings server_settings, Metrics& server_metrics, RequestHandler request_handler)
        : settings(std::move(server_settings)),
          metrics(server_metrics),
          handler(std::move(request_handler)),
          io_thread_count(settings.threads > 0 ? settings.threads : CoreCount()),
          workers(static_cast<std::size_t>(settings.worker_threads > 0 ? settings.worker_threads : 2 * CoreCount())),
          io(io_thread_count),
          acceptor(asio::make_strand(io)) {}

    asio::awaitable<void> Accept();
    void ServeConnection(tcp::socket socket);

    const api::ServerSettings settings;
    Metrics& metrics;
    const RequestHandler handler;
    const int io_thread_count;
    // Declared before io so that sessions destroyed with the io_context can still
    // remove themselves.
    ConnectionRegistry registry;
    asio::thread_pool workers;
    asio::io_context io;
    tcp::acceptor acceptor;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_guard;
    std::vector<std::thread> io_threads;
    std::mutex threads_mutex;
    std::condition_variable threads_done;
    int running_io_threads = 0;
    unsigned short bound_port = 0;
    bool listening = false;
    bool started = false;
    std::atomic<bool> stopped{false};
    SseHub* hub = nullptr;  // set before Start(); null = streams answer 503
};

// One client connection. Runs as one coroutine on its own strand; Close() posts onto
// that strand, so all socket access is serialised. busy_ is written on the strand
// and read from any thread (atomic).
class Session final : public Closeable, public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket socket, HttpServer::Impl& server) : stream_(std::move(socket)), server_(server) {
        beast::error_code error;
        auto endpoint = stream_.socket().remote_endpoint(error);
        if (!error) remote_address_ = endpoint.address().to_string();
    }

    void set_id(ConnectionRegistry::Id id) { id_ = id; }
    asio::any_io_executor executor() { return stream_.get_executor(); }

    bool Busy() const override { return busy_.load(); }

    void Close(CloseMode mode) override {
        asio::post(stream_.get_executor(), [self = shared_from_this(), mode] {
            if (mode == CloseMode::kNow || !self->busy_.load()) self->CloseSocket();
        });
    }

    asio::awaitable<void> Run() {
        try {
            co_await Serve();
        } catch (const std::exception& error) {
            spdlog::error("connection from {} failed: {}", remote_address_, error.what());
        }
        CloseSocket();
        busy_ = false;
        server_.registry.Remove(id_);
        server_.metrics.ConnectionClosed();
    }

  private:
    asio::awaitable<void> Serve();
    // Writes an error response produced by the network layer, then drains and closes.
    asio::awaitable<void> Reject(unsigned version, ErrorCode code, std::string message, std::string field);
    asio::awaitable<void> Linger();
    asio::awaitable<api::Response> Handle(api::Request& request);

    void CloseSocket() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    HttpServer::Impl& server_;
    std::string remote_address_;
    ConnectionRegistry::Id id_ = 0;
    std::atomic<bool> busy_{false};
};

asio::awaitable<api::Response> Session::Handle(api::Request& request) {
    // The handler blocks (database), so it runs on the worker pool; this coroutine
    // resumes on its strand when the response is ready.
    co_return co_await asio::co_spawn(
        server_.workers.get_executor(),
        [this, &request]() -> asio::awaitable<api::Response> { co_return server_.handler(request); },
        asio::use_awaitable);
}

asio::awaitable<void> Session::Serve() {
    const auto& settings = server_.settings;
    beast::error_code error;
    bool first_request = true;
    for (;;) {
        busy_ = false;
        if (server_.registry.closing()) co_return;
        // Wait for the first byte of the next request: header timeout for a new
        // connection, idle timeout between kept-alive requests.
        if (buffer_.size() == 0) {
            stream_.expires_after(first_request ? settings.header_timeout : settings.idle_timeout);
            std::size_t received = co_await stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                                                                    asio::redirect_error(asio::use_awaitable, error));
            if (error) co_return;
            buffer_.commit(received);
        }
        busy_ = true;
        first_request = false;

        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(settings.max_header_bytes, UINT32_MAX)));
        parser.body_limit(settings.max_body_bytes);
        stream_.expires_after(settings.header_timeout);
        co_await http::async_read_header(stream_, buffer_, parser, asio::redirect_error(asio::use_awaitable, error));
        if (error == http::error::body_limit) {
            // Content-Length above parser.body_limit: answered before any body is read.
            co_await Reject(11, ErrorCode::kPayloadTooLarge,
                            "body: larger than " + std::to_string(settings.max_body_bytes) + " bytes", "body");
            co_return;
        }
        if (error == http::error::header_limit) {
            co_await Reject(11, ErrorCode::kInvalidArgument,
                            "headers: larger than " + std::to_string(settings.max_header_bytes) + " bytes", "headers");
            co_return;
        }
        if (error == beast::error::timeout || error == http::error::end_of_stream ||
            error == asio::error::operation_aborted || error == asio::error::connection_reset) {
            co_return;
        }
        if (error) {
            co_await Reject(11, ErrorCode::kInvalidArgument, "request: malformed HTTP (" + error.message() + ")",
                            "request");
            co_return;
        }
        const unsigned version = parser.get().version();
        auto content_length = parser.content_length();
        if (content_length && *content_length > settings.max_body_bytes) {
            co_await Reject(version, ErrorCode::kPayloadTooLarge,
                            "body: larger than " + std::to_string(settings.max_body_bytes) + " bytes", "body");
            co_return;
        }
        if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
            http::response<http::empty_body> proceed{http::status::continue_, version};
            stream_.expires_after(settings.idle_timeout);
            co_await http::async_write(stream_, proceed, asio::redirect_error(asio::use_awaitable, error));
            if (error) co_return;
        }
        if (!parser.is_done()) {
            stream_.expires_after(settings.idle_timeout);
            co_await http::async_read(stream_, buffer_, parser, asio::redirect_error(asio::use_awaitable, error));
            if (error == http::error::body_limit) {
                co_await Reject(version, ErrorCode::kPayloadTooLarge,
                                "body: larger than " + std::to_string(settings.max_body_bytes) + " bytes", "body");
                co_return;
            }
            if (error) co_return;
        }

        const bool wants_keep_alive = parser.get().keep_alive();
        const bool is_head = parser.get().method() == http::verb::head;
        api::Request request = ToApiRequest(parser.release(), remote_address_);
        api::Response response = co_await Handle(request);

        if (response.stream && response.status == 200 && !is_head) {
            if (server_.hub == nullptr) {
                response = NetworkError(ErrorCode::kUnavailable, "stream: live streams are not enabled", "stream");
            } else {
                // The connection becomes a live stream: it leaves this session (which
                // ends) and keeps no worker or coroutine while it waits for events.
                busy_ = false;
                std::string head = StreamHead(response, version);
                StartSseStream(stream_.release_socket(), std::move(head), *response.stream,
                               SseStreamContext{*server_.hub, server_.registry, server_.workers});
                co_return;
            }
        }
        const bool keep_alive = wants_keep_alive && !server_.registry.closing();
        auto message = ToBeastResponse(std::move(response), version, keep_alive, is_head);
        stream_.expires_after(settings.idle_timeout);
        co_await http::async_write(stream_, message, asio::redirect_error(asio::use_awaitable, error));
        if (error || !keep_alive) co_return;
    }
}

asio::awaitable<void> Session::Reject(unsigned version, ErrorCode code, std::string message, std::string field) {
    spdlog::warn("connection from {} rejected: {}", remote_address_, message);
    api::Response response = NetworkError(code, std::move(message), std::move(field));
    server_.metrics.RecordRequest("rejected", response.status, std::chrono::microseconds(0));
    auto reply = ToBeastResponse(std::move(response), version == 10 ? 10 : 11, false, false);
    beast::error_code error;
    stream_.expires_after(server_.settings.idle_timeout);
    co_await http::async_write(stream_, reply, asio::redirect_error(asio::use_awaitable, error));
    if (!error) co_await Linger();
}

asio::awaitable<void> Session::Linger() {
    beast::error_code error;
    stream_.socket().shutdown(tcp::socket::shutdown_send, error);
    const auto deadline = std::chrono::steady_clock::now() + kLingerTime;
    std::size_t drained = 0;
    char scratch[16 * 1024];
    while (!error && drained < kLingerBytes && std::chrono::steady_clock::now() < deadline) {
        stream_.expires_at(deadline);
        drained +=
            co_await stream_.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, error));
    }
}

asio::awaitable<void> HttpServer::Impl::Accept() {
    for (;;) {
        beast::error_code error;
        tcp::socket socket =
            co_await acceptor.async_accept(asio::make_strand(io), asio::redirect_error(asio::use_awaitable, error));
        if (error) {
            if (error == asio::error::operation_aborted || !acceptor.is_open()) co_return;
            // E.g. out of file descriptors: back off instead of spinning.
            spdlog::warn("accept failed: {}", error.message());
            asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(100));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
            continue;
        }
        ServeConnection(std::move(socket));
    }
}

void HttpServer::Impl::ServeConnection(tcp::socket socket) {
    auto session = std::make_shared<Session>(std::move(socket), *this);
    auto id = registry.Add(session);
    if (!id) return;  // shutting down: the socket closes with the session
    session->set_id(*id);
    metrics.ConnectionOpened();
    asio::co_spawn(
        session->executor(), [session]() -> asio::awaitable<void> { co_await session->Run(); }, asio::detached);
}

HttpServer::HttpServer(api::ServerSettings settings, Metrics& metrics, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(settings), metrics, std::move(handler))) {}

HttpServer::~HttpServer() { Stop(); }

Result<unsigned short> HttpServer::Listen() {
    Impl& impl = *impl_;
    const std::string where = impl.settings.listen_address + ":" + std::to_string(impl.settings.port);
    beast::error_code error;
    tcp::resolver resolver(impl.io);
    auto endpoints = resolver.resolve(impl.settings.listen_address, std::to_string(impl.settings.port),
                                      tcp::resolver::passive | tcp::resolver::numeric_service, error);
    if (error || endpoints.empty()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "listen_address: cannot resolve '" + impl.settings.listen_address + "'", "listen_address");
    }
    tcp::endpoint endpoint = endpoints.begin()->endpoint();
    impl.acceptor.open(endpoint.protocol(), error);
    if (!error) impl.acceptor.set_option(asio::socket_base::reuse_address(true), error);
    if (!error) impl.acceptor.bind(endpoint, error);
    if (!error) impl.acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
        beast::error_code ignored;
        impl.acceptor.close(ignored);
        return Fail(ErrorCode::kUnavailable, "listen: cannot listen on " + where + ": " + error.message(), "port");
    }
    impl.bound_port = impl.acceptor.local_endpoint().port();
    impl.listening = true;
    return impl.bound_port;
}

Status HttpServer::Start() {
    Impl& impl = *impl_;
    if (!impl.listening) return Fail(ErrorCode::kInternal, "server: Start() before a successful Listen()");
    if (impl.started) return Ok();
    impl.started = true;
    impl.work_guard.emplace(impl.io.get_executor());
    asio::co_spawn(impl.acceptor.get_executor(), impl.Accept(), asio::detached);
    impl.running_io_threads = impl.io_thread_count;
    for (int i = 0; i < impl.io_thread_count; ++i) {
        impl.io_threads.emplace_back([&impl] {
            impl.io.run();
            std::lock_guard lock(impl.threads_mutex);
            --impl.running_io_threads;
            impl.threads_done.notify_all();
        });
    }
    return Ok();
}

void HttpServer::Stop() {
    Impl& impl = *impl_;
    if (impl.stopped.exchange(true)) return;
    // 1. Stop accepting (on the acceptor's strand; the accept loop then ends).
    asio::post(impl.acceptor.get_executor(), [&impl] {
        beast::error_code ignored;
        impl.acceptor.close(ignored);
    });
    if (!impl.started) {
        impl.workers.join();
        return;
    }
    // 2. Close idle connections and long-lived responses; in-flight requests finish
    //    and their connections close after the response (no keep-alive any more).
    impl.registry.BeginShutdown();
    impl.registry.CloseAll(CloseMode::kIfIdle);
    const auto grace_end = std::chrono::steady_clock::now() + impl.settings.shutdown_grace;
    if (!impl.registry.WaitUntilEmpty(grace_end)) {
        spdlog::warn("shutdown: {} connection(s) still busy after {} s; closing them", impl.registry.size(),
                     impl.settings.shutdown_grace.count());
    }
    // 3. Close everything left; wait for handlers still running on the workers.
    impl.registry.CloseAll(CloseMode::kNow);
    impl.workers.join();
    impl.registry.WaitUntilEmpty(std::chrono::steady_clock::now() + std::chrono::seconds(5));
    // 4. Let the io threads run out of work; force them after a bound.
    impl.work_guard.reset();
    {
        std::unique_lock lock(impl.threads_mutex);
        if (!impl.threads_done.wait_for(lock, std::chrono::seconds(5),
                                        [&impl] { return impl.running_io_threads == 0; })) {
            spdlog::warn("shutdown: io threads still busy; stopping them");
            impl.io.stop();
        }
    }
    for (auto& thread : impl.io_threads) thread.join();
    // No stream may outlive the io_context its socket belongs to.
    if (impl.hub != nullptr) impl.hub->DropAll();
}

void HttpServer::SetStreamHub(SseHub* hub) { impl_->hub = hub; }

unsigned short HttpServer::port() const { return impl_->bound_port; }

ConnectionRegistry& HttpServer::connections() { return impl_->registry; }

}  // namespace enshu::net
