/* A fixture of test-check-includes.sh: includes a library depending on
 * gio-2.0 and sqlite3 may have. */
#pragma once

#include <gio/gio.h>
