// What a plugin was built with, for the daemon's log when it loads the plugin:
// "Kontor SDK 0.1.0, GCC 12.2, C++ 202002". Never used to decide anything.
#pragma once

namespace kontor {

const char* sdk_build_info();

}  // namespace kontor
