#include "net/http_client.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <utility>  // before Asio: works around Asio 1.74 + g++ 12

namespace enshu::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

bool IsStateChanging(std::string_view method) {
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

std::string_view Trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

void SetSocketTimeout(tcp::socket& socket, std::chrono::milliseconds timeout) {
    timeval value{};
    value.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    value.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &value, sizeof(value));
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &value, sizeof(value));
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
    for (const auto& [header, value] : headers) {
        if (beast::iequals(header, beast::string_view(name.data(), name.size()))) return value;
    }
    return std::nullopt;
}

struct HttpClient::Impl {
    std::string host;
    unsigned short port;
    HttpClientOptions options;
    asio::io_context io;
    std::optional<tcp::socket> socket;
    beast::flat_buffer buffer;
    std::map<std::string, std::string> cookies;
    std::string csrf_token;
    int connections_opened = 0;
    bool reused = false;  // the open connection already carried a request

    std::string Where() const { return host + ":" + std::to_string(port); }

    Status Connect() {
        beast::error_code error;
        tcp::resolver resolver(io);
        auto endpoints = resolver.resolve(host, std::to_string(port), error);
        if (error) return Fail(ErrorCode::kUnavailable, "connect: cannot resolve " + Where() + ": " + error.message());
        socket.emplace(io);
        asio::connect(*socket, endpoints, error);
        if (error) {
            socket.reset();
            return Fail(ErrorCode::kUnavailable, "connect: " + Where() + ": " + error.message());
        }
        SetSocketTimeout(*socket, options.timeout);
        buffer.clear();
        reused = false;
        ++connections_opened;
        return Ok();
    }

    void Disconnect() {
        if (!socket) return;
        beast::error_code ignored;
        socket->shutdown(tcp::socket::shutdown_both, ignored);
        socket->close(ignored);
        socket.reset();
    }

    void StoreCookies(const http::response<http::string_body>& response) {
        for (const auto& field : response) {
            if (field.name() != http::field::set_cookie) continue;
            std::string_view text(field.value().data(), field.value().size());
            std::string_view pair = text.substr(0, text.find(';'));
            std::size_t equals = pair.find('=');
            if (equals == std::string_view::npos) continue;
            std::string name(Trim(pair.substr(0, equals)));
            std::string value(Trim(pair.substr(equals + 1)));
            bool expired = value.empty() || text.find("Max-Age=0") != std::string_view::npos;
            if (expired) {
                cookies.erase(name);
            } else {
                cookies[name] = value;
            }
        }
    }

    // One attempt on the current connection. `transient` is set when the failure means
    // the server had closed a kept-alive connection (worth one retry).
    Result<HttpResponse> Attempt(const http::request<http::string_body>& request, bool& transient) {
        transient = false;
        beast::error_code error;
        http::write(*socket, request, error);
        if (!error) {
            http::response_parser<http::string_body> parser;
            parser.body_limit(options.max_response_bytes);
            if (request.method() == http::verb::head) parser.skip(true);
            http::read(*socket, buffer, parser, error);
            if (!error) {
                auto message = parser.release();
                StoreCookies(message);
                HttpResponse response;
                response.status = static_cast<int>(message.result_int());
                for (const auto& field : message) {
                    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
                }
                response.body = std::move(message.body());
                reused = true;
                if (!message.keep_alive()) Disconnect();
                return response;
            }
        }
        const bool was_reused = reused;
        Disconnect();
        transient = was_reused && (error == http::error::end_of_stream || error == asio::error::connection_reset ||
                                   error == asio::error::broken_pipe || error == asio::error::eof);
        return Fail(ErrorCode::kUnavailable, "request to " + Where() + " failed: " + error.message());
    }
};

HttpClient::HttpClient(std::string host, unsigned short port, HttpClientOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->host = std::move(host);
    impl_->port = port;
    impl_->options = options;
}

HttpClient::~HttpClient() {
    if (impl_) impl_->Disconnect();
}
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

Result<HttpResponse> HttpClient::Send(std::string_view method, std::string_view target, std::string body,
                                      const HeaderList& headers) {
    Impl& impl = *impl_;
    http::request<http::string_body> request;
    request.method_string(beast::string_view(method.data(), method.size()));
    request.target(beast::string_view(target.data(), target.size()));
    request.version(11);
    request.set(http::field::host, impl.host + ":" + std::to_string(impl.port));
    if (!impl.cookies.empty()) {
        std::string cookie;
        for (const auto& [name, value] : impl.cookies) {
            if (!cookie.empty()) cookie += "; ";
            cookie += name + "=" + value;
        }
        request.set(http::field::cookie, cookie);
    }
    if (IsStateChanging(method) && !impl.csrf_token.empty()) request.set("X-CSRF-Token", impl.csrf_token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() && request.find(http::field::content_type) == request.end()) {
        request.set(http::field::content_type, "application/json");
    }
    request.body() = std::move(body);
    request.prepare_payload();
    request.keep_alive(true);

    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!impl.socket) {
            if (auto connected = impl.Connect(); !connected) return tl::unexpected(connected.error());
        }
        bool transient = false;
        auto response = impl.Attempt(request, transient);
        if (response || !transient) return response;
    }
    return Fail(ErrorCode::kUnavailable, "request to " + impl.Where() + " failed twice");
}

void HttpClient::SetCsrfToken(std::string token) { impl_->csrf_token = std::move(token); }

void HttpClient::SetCookie(std::string name, std::string value) { impl_->cookies[std::move(name)] = std::move(value); }

std::optional<std::string> HttpClient::Cookie(std::string_view name) const {
    auto found = impl_->cookies.find(std::string(name));
    if (found == impl_->cookies.end()) return std::nullopt;
    return found->second;
}

void HttpClient::Disconnect() { impl_->Disconnect(); }

int HttpClient::connections_opened() const { return impl_->connections_opened; }

}  // namespace enshu::net
