#include "report/pdf_renderer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace enshu::report {
namespace {

std::mutex render_mutex;  // one chromium at a time in this process

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A fresh private directory for one render; removed by the destructor.
class TemporaryDirectory {
  public:
    TemporaryDirectory() {
        std::string pattern = (std::filesystem::temp_directory_path() / "enshu-pdf-XXXXXX").string();
        if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace

Result<std::string> RenderPdf(const std::string& html, const PdfOptions& options) {
    std::lock_guard lock(render_mutex);
    TemporaryDirectory directory;
    if (directory.path().empty()) return Fail(ErrorCode::kInternal, "cannot create a temporary directory", "format");
    const auto html_path = directory.path() / "report.html";
    const auto pdf_path = directory.path() / "report.pdf";
    {
        std::ofstream out(html_path, std::ios::binary);
        out << html;
        if (!out) return Fail(ErrorCode::kInternal, "cannot write the HTML for printing", "format");
    }
    std::string program = options.chromium;
    if (const char* configured = std::getenv("ENSHU_CHROMIUM"); configured && *configured) program = configured;
    std::vector<std::string> arguments = {program,
                                          "--headless",
                                          "--no-sandbox",
                                          "--disable-gpu",
                                          "--disable-quic",
                                          "--no-first-run",
                                          "--disable-background-networking",
                                          "--disable-component-update",
                                          "--disable-sync",
                                          "--disable-extensions",
                                          "--user-data-dir=" + (directory.path() / "profile").string(),
                                          "--no-pdf-header-footer",
                                          "--print-to-pdf=" + pdf_path.string(),
                                          "file://" + html_path.string()};
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (directory.path() / "chromium.log").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);  // own group: killed with its children
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t child = 0;
    const int spawned = posix_spawnp(&child, program.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) return Fail(ErrorCode::kUnavailable, "cannot start " + program + " to print the PDF", "format");
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    int status = 0;
    while (true) {
        const pid_t done = waitpid(child, &status, WNOHANG);
        if (done == child) break;
        if (done < 0) return Fail(ErrorCode::kInternal, "lost the chromium process", "format");
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-child, SIGKILL);
            waitpid(child, &status, 0);
            return Fail(ErrorCode::kUnavailable,
                        "printing the PDF took longer than " + std::to_string(options.timeout.count()) + " s",
                        "format");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(-child, SIGKILL);  // helpers chromium may have left behind in its group
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        return Fail(ErrorCode::kUnavailable, program + " is not installed", "format");
    }
    std::string pdf = ReadFile(pdf_path);
    if (pdf.size() < 5 || pdf.compare(0, 5, "%PDF-") != 0) {
        const std::string log = ReadFile(directory.path() / "chromium.log");
        return Fail(ErrorCode::kInternal, "chromium produced no PDF: " + log.substr(0, 300), "format");
    }
    return pdf;
}

}  // namespace enshu::report
