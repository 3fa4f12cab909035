#include "net/stop_signal.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <utility>  // before Asio: works around Asio 1.74 + g++ 12

namespace enshu::net {

namespace asio = boost::asio;

struct StopSignal::Impl {
    asio::io_context io{1};
    std::atomic<bool> requested{false};
};

StopSignal::StopSignal() : impl_(std::make_unique<Impl>()) {}
StopSignal::~StopSignal() = default;

void StopSignal::Wait() {
    if (impl_->requested.load()) return;
    asio::signal_set signals(impl_->io, SIGINT, SIGTERM);
    signals.async_wait([this](const boost::system::error_code& error, int signal_number) {
        if (!error) spdlog::info("received signal {}; shutting down", signal_number);
        impl_->io.stop();
    });
    // io_context::stop() before run() makes run() return at once, so a RequestStop()
    // racing with this call is not lost.
    impl_->io.run();
}

void StopSignal::RequestStop() {
    impl_->requested = true;
    impl_->io.stop();
}

}  // namespace enshu::net
