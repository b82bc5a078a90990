/* A fixture of test-check-includes.sh: includes a library depending on
 * glib-2.0 alone may not have, one per line from line 4. */
#include <glib.h>
#include <sqlite3.h>
#include "zip.h"
#include "../allowed/tr-fine.h"
#include <json-glib/json-glib.h>
#include <unknown/header.h>
#define HEADER <stdio.h>
#include HEADER
