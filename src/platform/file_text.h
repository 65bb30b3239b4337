// A file's bytes as one read-only string_view: mapped into memory (POSIX mmap) so a large
// dataset is neither copied nor zero-filled first; read into a buffer where mapping fails.
#pragma once
#include <string>
#include <string_view>

namespace ca {

class FileText {
public:
    FileText() = default;
    FileText(FileText&& o) noexcept { *this = static_cast<FileText&&>(o); }
    FileText& operator=(FileText&& o) noexcept;
    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;
    ~FileText() { close(); }

    bool open(const std::string& path);  // false: the file cannot be opened or read
    void close();
    std::string_view text() const { return map_ ? std::string_view(static_cast<const char*>(map_), map_size_) : std::string_view(buf_); }

private:
    void* map_ = nullptr;
    size_t map_size_ = 0;
    std::string buf_;
};

// Whether path names a directory (false when it does not exist or cannot be examined).
bool is_directory(const std::string& path);

}  // namespace ca
