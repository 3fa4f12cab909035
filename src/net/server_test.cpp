#include "net/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "net/http_client.hpp"

namespace enshu::net {
namespace {

using namespace std::chrono_literals;

// A blocking TCP connection for sending deliberately incomplete requests.
class RawSocket {
  public:
    explicit RawSocket(unsigned short port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
        timeval timeout{5, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    }
    ~RawSocket() { ::close(fd_); }
    bool connected() const { return connected_; }
    bool Send(std::string_view data) {
        return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == ssize_t(data.size());
    }
    // Reads until the peer closes (or the 5 s receive timeout); returns what arrived.
    std::string ReadUntilClosed(bool* closed = nullptr) {
        std::string all;
        char buffer[4096];
        for (;;) {
            ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
            if (n <= 0) {
                if (closed) *closed = n == 0;
                return all;
            }
            all.append(buffer, static_cast<std::size_t>(n));
        }
    }

  private:
    int fd_;
    bool connected_ = false;
};

// Lets a test hold handlers inside the server until it releases them.
class Gate {
  public:
    void Enter() {
        std::unique_lock lock(mutex_);
        ++entered_;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
    }
    void WaitForEntered(int count) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return entered_ >= count; });
    }
    void Open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int entered_ = 0;
    bool open_ = false;
};

class ServerTest : public ::testing::Test {
  protected:
    void StartServer(api::ServerSettings settings = {}) {
        settings.listen_address = "127.0.0.1";
        settings.port = 0;
        settings.threads = 2;
        settings.worker_threads = 2;
        server_ =
            std::make_unique<HttpServer>(settings, metrics_, [this](api::Request& request) { return Handle(request); });
        auto port = server_->Listen();
        ASSERT_TRUE(port) << port.error().message;
        ASSERT_NE(*port, 0);
        port_ = *port;
        ASSERT_TRUE(server_->Start());
    }

    api::Response Handle(api::Request& request) {
        ++handled_;
        if (request.target == "/slow") gate_.Enter();
        api::Response response;
        response.content_type = "text/plain";
        response.body = request.method + " " + request.target + " " + std::to_string(request.body.size()) + " " +
                        request.Header("x-test").value_or("-");
        response.headers.emplace_back("X-Remote", request.remote_address);
        return response;
    }

    Metrics metrics_;
    Gate gate_;
    std::atomic<int> handled_{0};
    std::unique_ptr<HttpServer> server_;
    unsigned short port_ = 0;
};

TEST_F(ServerTest, AnswersAndKeepsConnectionsAlive) {
    StartServer();
    HttpClient client("127.0.0.1", port_);
    for (int i = 0; i < 5; ++i) {
        auto response = client.Send("POST", "/echo?i=" + std::to_string(i), "abc", {{"X-Test", "yes"}});
        ASSERT_TRUE(response) << response.error().message;
        EXPECT_EQ(response->status, 200);
        EXPECT_EQ(response->body, "POST /echo?i=" + std::to_string(i) + " 3 yes");
        EXPECT_EQ(response->Header("x-remote"), "127.0.0.1");
        EXPECT_EQ(response->Header("content-type"), "text/plain");
    }
    EXPECT_EQ(client.connections_opened(), 1);
    EXPECT_EQ(metrics_.OpenConnections(), 1);
    client.Disconnect();
    for (int i = 0; i < 100 && metrics_.OpenConnections() != 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(metrics_.OpenConnections(), 0);
}

TEST_F(ServerTest, HeadAnswersLengthWithoutBody) {
    StartServer();
    RawSocket socket(port_);
    ASSERT_TRUE(socket.Send("HEAD /thing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    std::string reply = socket.ReadUntilClosed();
    EXPECT_NE(reply.find("HTTP/1.1 200 OK"), std::string::npos) << reply;
    EXPECT_NE(reply.find("Content-Length: 15\r\n"), std::string::npos) << reply;  // "HEAD /thing 0 -"
    EXPECT_TRUE(reply.ends_with("\r\n\r\n")) << reply;
}

TEST_F(ServerTest, BodyOverTheLimitIs413BeforeReadingIt) {
    api::ServerSettings settings;
    settings.max_body_bytes = 1000;
    StartServer(settings);
    RawSocket socket(port_);
    // Announces a large body but sends none of it: the answer must not wait for it.
    ASSERT_TRUE(socket.Send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n"));
    std::string reply = socket.ReadUntilClosed();
    EXPECT_NE(reply.find("HTTP/1.1 413"), std::string::npos) << reply;
    EXPECT_NE(reply.find("\"code\":\"payload_too_large\""), std::string::npos) << reply;
    EXPECT_EQ(handled_.load(), 0);

    HttpClient client("127.0.0.1", port_);
    auto large = client.Post("/upload", std::string(5000, 'x'));
    ASSERT_TRUE(large) << large.error().message;
    EXPECT_EQ(large->status, 413);
    auto fits = client.Post("/upload", std::string(1000, 'x'));
    ASSERT_TRUE(fits) << fits.error().message;
    EXPECT_EQ(fits->status, 200);
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
    api::ServerSettings settings;
    settings.max_body_bytes = 10;
    StartServer(settings);
    RawSocket socket(port_);
    ASSERT_TRUE(
        socket.Send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "14\r\n01234567890123456789\r\n0\r\n\r\n"));
    std::string reply = socket.ReadUntilClosed();
    EXPECT_NE(reply.find("HTTP/1.1 413"), std::string::npos) << reply;
}

TEST_F(ServerTest, HeaderTimeoutClosesAHalfRequest) {
    api::ServerSettings settings;
    settings.header_timeout = 1s;
    StartServer(settings);
    RawSocket socket(port_);
    ASSERT_TRUE(socket.Send("GET /never-finished HTTP/1.1\r\nHost: x\r\n"));
    auto started = std::chrono::steady_clock::now();
    bool closed = false;
    std::string reply = socket.ReadUntilClosed(&closed);
    EXPECT_TRUE(closed);
    EXPECT_TRUE(reply.empty()) << reply;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 4s);
    EXPECT_EQ(handled_.load(), 0);
}

TEST_F(ServerTest, OversizedHeaderIs400) {
    api::ServerSettings settings;
    settings.max_header_bytes = 1024;
    StartServer(settings);
    RawSocket socket(port_);
    ASSERT_TRUE(socket.Send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n"));
    std::string reply = socket.ReadUntilClosed();
    EXPECT_NE(reply.find("HTTP/1.1 400"), std::string::npos) << reply;
    EXPECT_NE(reply.find("\"field\":\"headers\""), std::string::npos) << reply;
}

TEST_F(ServerTest, MalformedRequestIs400) {
    StartServer();
    RawSocket socket(port_);
    ASSERT_TRUE(socket.Send("NOT HTTP AT ALL\r\n\r\n"));
    std::string reply = socket.ReadUntilClosed();
    EXPECT_NE(reply.find("HTTP/1.1 400"), std::string::npos) << reply;
}

TEST_F(ServerTest, GracefulStopLetsInFlightRequestsFinish) {
    api::ServerSettings settings;
    settings.shutdown_grace = 10s;
    StartServer(settings);
    HttpClient idle("127.0.0.1", port_);
    ASSERT_TRUE(idle.Get("/warm-up"));

    auto in_flight = std::async(std::launch::async, [this] {
        HttpClient client("127.0.0.1", port_);
        return client.Get("/slow");
    });
    gate_.WaitForEntered(1);
    auto stopping = std::async(std::launch::async, [this] { server_->Stop(); });
    // The idle connection is closed at once; new connections are refused.
    for (int i = 0; i < 200 && server_->connections().size() > 1; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(server_->connections().size(), 1u);
    EXPECT_FALSE(HttpClient("127.0.0.1", port_).Get("/new"));
    EXPECT_EQ(stopping.wait_for(100ms), std::future_status::timeout);

    gate_.Open();
    auto response = in_flight.get();
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "GET /slow 0 -");
    EXPECT_EQ(response->Header("connection"), "close");
    EXPECT_EQ(stopping.wait_for(5s), std::future_status::ready);
}

TEST_F(ServerTest, StopClosesBusyConnectionsAfterTheGrace) {
    api::ServerSettings settings;
    settings.shutdown_grace = 1s;
    StartServer(settings);
    auto in_flight = std::async(std::launch::async, [this] {
        HttpClient client("127.0.0.1", port_);
        return client.Get("/slow");
    });
    gate_.WaitForEntered(1);
    auto started = std::chrono::steady_clock::now();
    auto stopping = std::async(std::launch::async, [this] { server_->Stop(); });
    // Stop waits the grace, closes the connection and then waits for the worker.
    std::this_thread::sleep_for(1500ms);
    auto response = in_flight.get();
    EXPECT_FALSE(response);
    gate_.Open();
    stopping.get();
    EXPECT_GE(std::chrono::steady_clock::now() - started, 1s);
}

TEST_F(ServerTest, ListenFailsOnAPortInUse) {
    StartServer();
    api::ServerSettings settings;
    settings.listen_address = "127.0.0.1";
    settings.port = port_;
    HttpServer second(settings, metrics_, [](api::Request&) { return api::Response{}; });
    auto port = second.Listen();
    ASSERT_FALSE(port);
    EXPECT_EQ(port.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(port.error().message.find(std::to_string(port_)), std::string::npos);
}

TEST_F(ServerTest, ListenFailsOnABadAddress) {
    api::ServerSettings settings;
    settings.listen_address = "not an address";
    HttpServer server(settings, metrics_, [](api::Request&) { return api::Response{}; });
    auto port = server.Listen();
    ASSERT_FALSE(port);
    EXPECT_EQ(port.error().field, "listen_address");
    EXPECT_FALSE(server.Start());
}

}  // namespace
}  // namespace enshu::net
