#include "net/sse_stream.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <memory>
#include <optional>
#include <vector>

namespace enshu::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// Events examined per replay page read from the database.
constexpr int kReplayPageEvents = 500;
// Kernel send buffer of a stream (Linux doubles it). Without a bound, loopback
// autotuning lets a client that never reads absorb megabytes before the bounded queue
// notices; with it, a client further behind than this plus its queue is dropped, and
// 10,000 streams cannot pin gigabytes of kernel memory.
constexpr int kSendBufferBytes = 64 * 1024;

// The stream of one client. All socket work and the members marked "strand" run on
// the socket's strand; the hub calls Offer() from the publishing thread, which only
// touches the thread-safe FrameQueue and posts a drain onto the strand.
class SseStream final : public StreamClient, public Closeable, public std::enable_shared_from_this<SseStream> {
  public:
    SseStream(tcp::socket socket, const api::StreamRequest& request, SseStreamContext context)
        : socket_(std::move(socket)),
          context_(context),
          subscriber_(request.subscriber),
          owner_{request.session_id, request.user_id},
          last_event_id_(request.last_event_id),
          queue_(context.hub.options().max_queued_frames, context.hub.options().max_queued_bytes),
          strand_(socket_.get_executor().target<Strand>()) {}

    void Start(std::string head) {
        auto self = shared_from_this();
        asio::co_spawn(
            socket_.get_executor(),
            [self, head = std::move(head)]() mutable -> asio::awaitable<void> { co_await self->Run(std::move(head)); },
            asio::detached);
    }

    // StreamClient (publishing thread, under the hub's lock).
    PushResult Offer(const QueuedFrame& frame) override {
        const PushResult result = queue_.Push(frame);
        if (result == PushResult::kQueuedFirst) {
            // The concrete strand type avoids the type-erased executor's overhead on the
            // hot path of a broadcast (one post per client).
            if (strand_ != nullptr) {
                asio::post(*strand_, [self = shared_from_this()] { self->Drain(); });
            } else {
                asio::post(socket_.get_executor(), [self = shared_from_this()] { self->Drain(); });
            }
        }
        return result;
    }
    void Disconnect() override { Close(CloseMode::kNow); }

    // Closeable: a stream never holds a request in flight, so shutdown closes it at once.
    bool Busy() const override { return false; }
    void Close(CloseMode) override {
        asio::post(socket_.get_executor(), [self = shared_from_this()] { self->Shutdown(); });
    }

  private:
    asio::awaitable<void> Run(std::string head);
    asio::awaitable<bool> Replay(std::int64_t after_seq, std::int64_t up_to_seq);
    template <typename Function>
    auto OnWorkers(Function function) -> asio::awaitable<decltype(function())>;
    void Drain();
    void WatchForClose();
    void Shutdown();

    using Strand = asio::strand<asio::io_context::executor_type>;

    tcp::socket socket_;
    SseStreamContext context_;
    const live::StreamSubscriber subscriber_;
    const StreamOwner owner_;
    const std::optional<std::int64_t> last_event_id_;
    FrameQueue queue_;
    const Strand* const strand_;  // the socket's strand (null if it is another executor)

    // Strand only.
    std::optional<ConnectionRegistry::Id> registry_id_;
    std::optional<SseHub::SubscriptionId> subscription_id_;
    std::int64_t last_sent_seq_ = 0;
    bool replaying_ = true;  // live frames wait in the queue until replay is done
    bool writing_ = false;
    bool closed_ = false;
    std::vector<QueuedFrame> batch_;  // the frames of the write in progress (kept alive)
    std::vector<asio::const_buffer> buffers_;
    std::array<char, 256> read_buffer_{};
};

template <typename Function>
auto SseStream::OnWorkers(Function function) -> asio::awaitable<decltype(function())> {
    using Value = decltype(function());
    co_return co_await asio::co_spawn(
        context_.workers.get_executor(),
        [function = std::move(function)]() mutable -> asio::awaitable<Value> { co_return function(); },
        asio::use_awaitable);
}

asio::awaitable<void> SseStream::Run(std::string head) {
    registry_id_ = context_.registry.Add(weak_from_this());
    if (!registry_id_) {  // shutting down
        Shutdown();
        co_return;
    }
    boost::system::error_code error;
    socket_.set_option(tcp::no_delay(true), error);
    socket_.set_option(asio::socket_base::send_buffer_size(kSendBufferBytes), error);
    socket_.non_blocking(true, error);  // Drain() writes directly when the kernel has room
    // 1. Subscribe before the response head goes out: a client that acts as soon as it
    // sees the head must receive what its action publishes. Live frames are queued (and
    // held while the head is written and during replay).
    const SseHub::Subscription subscription = context_.hub.Subscribe(subscriber_, shared_from_this(), owner_);
    subscription_id_ = subscription.id;
    co_await asio::async_write(socket_, asio::buffer(head), asio::redirect_error(asio::use_awaitable, error));
    if (error || closed_) {
        Shutdown();
        co_return;
    }
    // 2. Replay (last id, max(P, D)] where D is the committed sequence.
    if (last_event_id_) {
        SseHub& hub = context_.hub;
        const std::int64_t exercise_id = subscriber_.exercise_id;
        auto committed = co_await OnWorkers([&hub, exercise_id] { return hub.CommittedSeq(exercise_id); });
        if (closed_) co_return;
        if (!committed) {
            spdlog::warn("stream: exercise {}: cannot read the event log: {}", exercise_id, committed.error().message);
            Shutdown();
            co_return;
        }
        const std::int64_t up_to = std::max(subscription.published_seq, *committed);
        last_sent_seq_ = *last_event_id_;
        if (!co_await Replay(*last_event_id_, up_to)) {
            Shutdown();
            co_return;
        }
        last_sent_seq_ = std::max(last_sent_seq_, up_to);
    }
    // 3. Live frames (those already replayed are skipped by sequence).
    replaying_ = false;
    Drain();
    WatchForClose();
}

asio::awaitable<bool> SseStream::Replay(std::int64_t after_seq, std::int64_t up_to_seq) {
    SseHub& hub = context_.hub;
    const live::StreamSubscriber subscriber = subscriber_;
    while (after_seq < up_to_seq) {
        auto page = co_await OnWorkers([&hub, &subscriber, after_seq, up_to_seq] {
            return hub.Replay(subscriber, after_seq, up_to_seq, kReplayPageEvents);
        });
        if (closed_) co_return false;
        if (!page) {
            spdlog::warn("stream: exercise {}: replay after {} failed: {}", subscriber.exercise_id, after_seq,
                         page.error().message);
            co_return false;
        }
        if (!page->frames.empty()) {
            std::vector<asio::const_buffer> buffers;
            buffers.reserve(page->frames.size());
            for (const auto& frame : page->frames) buffers.push_back(asio::buffer(*frame.frame));
            boost::system::error_code error;
            co_await asio::async_write(socket_, buffers, asio::redirect_error(asio::use_awaitable, error));
            if (error || closed_) co_return false;
            last_sent_seq_ = page->frames.back().seq;
        }
        if (page->scanned_to <= after_seq) break;  // nothing more committed in the range
        after_seq = page->scanned_to;
    }
    co_return true;
}

void SseStream::Drain() {
    while (!closed_ && !replaying_ && !writing_) {
        batch_.clear();
        if (!queue_.TakeAll(batch_)) return;  // the queue is idle again
        buffers_.clear();
        for (const auto& frame : batch_) {
            if (frame.seq != 0 && frame.seq <= last_sent_seq_) continue;  // already replayed
            buffers_.push_back(asio::buffer(*frame.frame));
            if (frame.seq != 0) last_sent_seq_ = frame.seq;
        }
        if (buffers_.empty()) continue;
        // Fast path: the kernel takes the whole batch at once (one sendmsg, no
        // asynchronous operation to set up and complete).
        boost::system::error_code error;
        std::size_t written = socket_.write_some(buffers_, error);
        if (error == asio::error::would_block || error == asio::error::try_again) {
            written = 0;
            error = {};
        }
        if (error) {
            Shutdown();
            return;
        }
        if (written == asio::buffer_size(buffers_)) continue;
        // Slow path: the socket buffer is full; send the rest when it drains.
        std::size_t index = 0;
        while (written >= buffers_[index].size()) written -= buffers_[index++].size();
        buffers_.erase(buffers_.begin(), buffers_.begin() + static_cast<std::ptrdiff_t>(index));
        buffers_.front() += written;
        writing_ = true;
        asio::async_write(socket_, buffers_,
                          [self = shared_from_this()](const boost::system::error_code& write_error, std::size_t) {
                              self->writing_ = false;
                              if (write_error) {
                                  self->Shutdown();
                                  return;
                              }
                              self->Drain();
                          });
        return;
    }
}

void SseStream::WatchForClose() {
    if (closed_) return;
    // Clients send nothing after the request; a read completes when they go away.
    socket_.async_read_some(asio::buffer(read_buffer_),
                            [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
                                if (error) {
                                    self->Shutdown();
                                    return;
                                }
                                self->WatchForClose();
                            });
}

void SseStream::Shutdown() {
    if (closed_) return;
    closed_ = true;
    queue_.Close();
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    if (subscription_id_) context_.hub.Unsubscribe(subscriber_.exercise_id, *subscription_id_);
    if (registry_id_) context_.registry.Remove(*registry_id_);
}

}  // namespace

void StartSseStream(tcp::socket socket, std::string head, const api::StreamRequest& request, SseStreamContext context) {
    auto stream = std::make_shared<SseStream>(std::move(socket), request, context);
    stream->Start(std::move(head));
}

}  // namespace enshu::net
