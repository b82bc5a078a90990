/* A fixture of test-check-includes.sh: includes a library depending on
 * gio-2.0 and sqlite3 may have. */
#include <glib.h>
#include <glib-object.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "tr-fine.h"
