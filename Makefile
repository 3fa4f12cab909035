# Enshu: the two set-up commands are `make demo` and `make test` (see README.md).
# Every target installs what is missing first (scripts/setup.sh).

JOBS ?= $(shell nproc)
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
CMAKE_FLAGS ?=

.PHONY: setup configure build web demo test test-unit test-asan test-e2e bench clean format

setup:
	./scripts/setup.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

# The release binary: build/enshu.
build: setup configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

web: setup
	cd web && npm run build

demo: build web
	./$(BUILD_DIR)/enshu demo --web-root web/dist

# Every test: unit + integration (release), the same under ASan/UBSan, and the browser e2e tests.
test: build web
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)
	$(MAKE) test-asan
	$(MAKE) test-e2e

test-asan:
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DENSHU_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

test-e2e:
	cd web && npm test
	cd tests/e2e && ENSHU_BINARY=$(CURDIR)/$(BUILD_DIR)/enshu ENSHU_WEB_ROOT=$(CURDIR)/web/dist npm test

bench: build
	./bench/run.sh

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) web/dist
