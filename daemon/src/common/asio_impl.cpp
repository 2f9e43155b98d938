// The one translation unit that compiles Boost.Asio (BOOST_ASIO_SEPARATE_COMPILATION is defined
// for the whole tree), so no other file pays for Asio's implementation.
#include <boost/asio/impl/src.hpp>
