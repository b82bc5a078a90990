/* test-manifest.c: the Flatpak manifest is what a portal-using app needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

static JsonObject *manifest;
static char *manifest_name;
static char *options_text;

static void
test_id_matches_file_name (void)
{
  g_autofree char *expected = g_strconcat (json_object_get_string_member (manifest, "id"), ".json", NULL);

  g_assert_cmpstr (manifest_name, ==, expected);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "trip-reports");
}

static void
test_finish_args (void)
{
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");
  static const char * const required[] = {
    "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", NULL
  };
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      /* Files come through the portal and drag and drop, never by path. */
      g_assert_false (g_str_has_prefix (arg, "--filesystem=home"));
      g_assert_false (g_str_has_prefix (arg, "--filesystem=host"));
      g_assert_false (g_str_has_prefix (arg, "--filesystem=~"));
      g_assert_false (g_str_has_prefix (arg, "--filesystem=/"));
      g_ptr_array_add (seen, (gpointer) arg);
    }
  for (guint i = 0; required[i] != NULL; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (seen, required[i], g_str_equal, NULL));
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
test_archives_are_pinned (void)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  guint archives = 0;

  for (guint m = 0; m < json_array_get_length (modules); m++)
    {
      JsonObject *module = json_array_get_object_element (modules, m);
      JsonArray *sources = json_object_get_array_member (module, "sources");

      for (guint s = 0; s < json_array_get_length (sources); s++)
        {
          JsonObject *source = json_array_get_object_element (sources, s);
          const char *type = json_object_get_string_member (source, "type");

          if (g_strcmp0 (type, "archive") != 0 && g_strcmp0 (type, "file") != 0)
            continue;
          g_test_message ("%s: %s", json_object_get_string_member (module, "name"),
                          json_object_get_string_member_with_default (source, "url", "?"));
          g_assert_true (is_sha256 (json_object_get_string_member_with_default (source, "sha256", NULL)));
          archives++;
        }
    }
  /* poppler, poppler-data and libzip, which the runtime lacks, and the
   * TW-Kai face. */
  g_assert_cmpuint (archives, >=, 4);
}

/* The exports' Traditional Chinese face, TW-Kai, comes from Debian's
 * package: its pinned checksum is the one apt checked against Debian's
 * signed index, when this machine has the package in apt's cache. */
static void
test_tw_kai_pinned (void)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  const char *url = NULL, *sha256 = NULL;

  for (guint m = 0; m < json_array_get_length (modules) && url == NULL; m++)
    {
      JsonArray *sources = json_object_get_array_member (json_array_get_object_element (modules, m), "sources");

      for (guint s = 0; s < json_array_get_length (sources); s++)
        {
          JsonObject *source = json_array_get_object_element (sources, s);
          const char *source_url = json_object_get_string_member_with_default (source, "url", "");

          if (strstr (source_url, "/fonts-cns11643-kai_") != NULL)
            {
              url = source_url;
              sha256 = json_object_get_string_member_with_default (source, "sha256", NULL);
            }
        }
    }
  g_assert_nonnull (url);
  g_assert_true (is_sha256 (sha256));

  {
    g_autofree char *name = g_path_get_basename (url);
    g_autofree char *cached = g_build_filename ("/var/cache/apt/archives", name, NULL);
    g_autofree char *data = NULL;
    g_autofree char *actual = NULL;
    gsize length;

    if (!g_file_get_contents (cached, &data, &length, NULL))
      {
        g_test_skip ("fonts-cns11643-kai's package is not in apt's cache here");
        return;
      }
    actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
    g_assert_cmpstr (actual, ==, sha256);
  }
}

static gboolean
option_declared (const char *name)
{
  g_autofree char *needle = g_strdup_printf ("option('%s'", name);

  return strstr (options_text, needle) != NULL;
}

static void
test_app_options_exist (void)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  JsonObject *app = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  JsonArray *opts = json_object_get_array_member (app, "config-opts");

  g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, "trip-reports");
  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  for (guint i = 0; i < json_array_get_length (opts); i++)
    {
      const char *opt = json_array_get_string_element (opts, i);
      g_auto(GStrv) parts = NULL;

      g_assert_true (g_str_has_prefix (opt, "-D"));
      parts = g_strsplit (opt + 2, "=", 2);
      g_test_message ("option %s", parts[0]);
      /* Every -D is an option of ours or one of meson's own. */
      g_assert_true (option_declared (parts[0]) || g_str_equal (parts[0], "buildtype") ||
                     g_str_equal (parts[0], "optimization") || g_str_has_prefix (parts[0], "b_"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (argc != 3)
    g_error ("usage: test-manifest MANIFEST meson_options.txt");
  if (!json_parser_load_from_file (parser, argv[1], &error))
    g_error ("The manifest is not JSON: %s", error->message);
  manifest = json_node_get_object (json_parser_get_root (parser));
  manifest_name = g_path_get_basename (argv[1]);
  if (!g_file_get_contents (argv[2], &options_text, NULL, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/manifest/id", test_id_matches_file_name);
  g_test_add_func ("/manifest/finish-args", test_finish_args);
  g_test_add_func ("/manifest/archives-pinned", test_archives_are_pinned);
  g_test_add_func ("/manifest/tw-kai-pinned", test_tw_kai_pinned);
  g_test_add_func ("/manifest/app-options", test_app_options_exist);

  return g_test_run ();
}
