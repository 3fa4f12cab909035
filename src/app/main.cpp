#include "app/cli.hpp"

int main(int argc, char** argv) { return enshu::app::RunCommandLine(argc, argv); }
