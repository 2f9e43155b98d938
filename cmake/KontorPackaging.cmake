# Debian packages with CPack: `cpack -G DEB` in a build directory (README "Installing the .deb").
#
#   kontor      kontord, kontorctl, the plugins, the systemd unit, sysusers.d/tmpfiles.d entries,
#               /etc/kontor/kontor.yaml (a conffile), man pages, README and copyright
#   kontor-dev  the plugin SDK: headers, static libraries, find_package(KontorSDK) files
#
# The install rules of daemon/ and plugins/ name no component, so theirs is CMake's
# "Unspecified": that is the kontor package; sdk/ installs as component "sdk". Files outside
# the prefix (/etc, /lib/systemd) are installed with absolute paths, hence CPACK_SET_DESTDIR.
# Packaging installs what is built (with Ninja, cpack builds nothing first): build, then package.
#
# Build the release packages from a tree configured with -DCMAKE_INSTALL_PREFIX=/usr: the
# packages always install under /usr, and kontorctl's built-in plugin directory (for `parse`
# and `match`) follows CMAKE_INSTALL_PREFIX. kontord itself reads plugin_dir from the shipped
# configuration, which is written here to match where the plugins land.

set(KONTOR_PACKAGE_PREFIX /usr)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(KONTOR_PACKAGE_PLUGIN_DIR "${CMAKE_INSTALL_LIBDIR}/kontor/plugins")
else()
  set(KONTOR_PACKAGE_PLUGIN_DIR "${KONTOR_PACKAGE_PREFIX}/${CMAKE_INSTALL_LIBDIR}/kontor/plugins")
endif()
if(NOT CMAKE_INSTALL_PREFIX STREQUAL KONTOR_PACKAGE_PREFIX)
  message(STATUS "Kontor packages install under ${KONTOR_PACKAGE_PREFIX}; configure with "
                 "-DCMAKE_INSTALL_PREFIX=/usr for release packages (kontorctl's default plugin "
                 "directory is ${CMAKE_INSTALL_FULL_LIBDIR}/kontor/plugins in this tree)")
endif()

set(KONTOR_PACKAGING_DIR ${CMAKE_CURRENT_SOURCE_DIR}/packaging)
set(KONTOR_PACKAGE_STAGE ${CMAKE_CURRENT_BINARY_DIR}/packaging)

# The default configuration, with this tree's plugin directory.
configure_file(${KONTOR_PACKAGING_DIR}/kontor.yaml.in ${KONTOR_PACKAGE_STAGE}/kontor.yaml @ONLY)

# Man pages, gzipped when configuring (no build step, so packaging never waits for a build).
set(KONTOR_MAN_PAGES kontord.8 kontorctl.1)
file(MAKE_DIRECTORY ${KONTOR_PACKAGE_STAGE}/man)
foreach(page IN LISTS KONTOR_MAN_PAGES)
  set(source ${KONTOR_PACKAGING_DIR}/man/${page})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
  file(ARCHIVE_CREATE OUTPUT ${KONTOR_PACKAGE_STAGE}/man/${page}.gz PATHS ${source}
       FORMAT raw COMPRESSION GZip COMPRESSION_LEVEL 9)
  string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section ${page})
  install(FILES ${KONTOR_PACKAGE_STAGE}/man/${page}.gz
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/man/man${section})
endforeach()

# The service: unit, user, directories, configuration, documentation (component Unspecified,
# the kontor package, like the binaries and plugins).
install(FILES ${KONTOR_PACKAGING_DIR}/kontord.service DESTINATION /lib/systemd/system)
install(FILES ${KONTOR_PACKAGING_DIR}/kontor.sysusers DESTINATION lib/sysusers.d
        RENAME kontor.conf)
install(FILES ${KONTOR_PACKAGING_DIR}/kontor.tmpfiles DESTINATION lib/tmpfiles.d
        RENAME kontor.conf)
install(FILES ${KONTOR_PACKAGE_STAGE}/kontor.yaml DESTINATION /etc/kontor)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/README.md ${KONTOR_PACKAGING_DIR}/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/kontor)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kontor)
set(CPACK_PACKAGE_VENDOR "Kontor")
set(CPACK_PACKAGE_CONTACT "Kontor maintainers <kontor@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "accounts-receivable integration daemon")
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX ${KONTOR_PACKAGE_PREFIX})
set(CPACK_PACKAGING_INSTALL_PREFIX ${KONTOR_PACKAGE_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/packages)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Unspecified sdk)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_UNSPECIFIED_PACKAGE_NAME kontor)
set(CPACK_COMPONENT_UNSPECIFIED_DESCRIPTION
    "kontord imports bank statements and open items, matches payments, sends reminders and \
statements of account and exports bookings (DATEV, journals, CSV/JSON, HTTP); kontorctl steers \
it. Runs as the systemd service kontord.")
# Beyond the libraries (dpkg-shlibdeps): systemd-sysusers/-tmpfiles in postinst, the IANA time
# zones of the scheduler, the font of the PDF letters.
set(CPACK_DEBIAN_UNSPECIFIED_PACKAGE_DEPENDS "systemd, tzdata, fonts-dejavu-core")
set(CPACK_DEBIAN_UNSPECIFIED_PACKAGE_CONTROL_EXTRA
    ${KONTOR_PACKAGING_DIR}/debian/conffiles
    ${KONTOR_PACKAGING_DIR}/debian/postinst
    ${KONTOR_PACKAGING_DIR}/debian/prerm
    ${KONTOR_PACKAGING_DIR}/debian/postrm)

set(CPACK_DEBIAN_SDK_PACKAGE_NAME kontor-dev)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_SDK_DESCRIPTION "Kontor plugin SDK
Headers, static libraries and the CMake package (find_package(KontorSDK)) to build Kontor \
connector plugins.")
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS "libboost-dev (>= 1.74), cmake (>= 3.25)")
set(CPACK_DEBIAN_SDK_PACKAGE_SHLIBDEPS OFF)

include(CPack)
