/* tr-import-sandbox.c: confines the import worker
 *
 * The worker runs poppler on files from anywhere. Were a PDF to take it
 * over, it should find itself able to do nothing but what reading needs:
 * compute, allocate, run threads, read what it has open and write its
 * answer to the pipe it was given.
 *
 * Two layers. A seccomp filter (libseccomp) allows a list of system calls
 * and refuses every other: no sockets, no exec, no fork, no ptrace, no
 * unlink, rename or mkdir, and open() only without any flag that writes or
 * creates. A filter sees numbers, not the strings they point to, so it
 * cannot tell one path from another; Landlock can, and where the kernel
 * has it (Linux 5.13 and later, when enabled) reading is further limited
 * to a few folders of data files.
 *
 * Why reading at all: poppler loads some of its data on demand, as a
 * document asks for it. A PDF whose Chinese text is in a font that is not
 * embedded (common in reports from the 2000s: 細明體 with the ETen-B5-H
 * or UniCNS-UCS2-H encoding) needs the CMap and the CID-to-Unicode table
 * of that encoding from poppler-data, and poppler keeps only a handful of
 * them in memory, so they cannot all be loaded beforehand. The caller
 * loads what can be loaded once (fontconfig, the MIME database, the
 * picture decoders, the time zone, the translations) before calling us,
 * and names poppler's data folders as the only ones left to read.
 *
 * In an AddressSanitizer build the leak check at exit cannot run in here
 * (it needs ptrace and /proc): the worker then ends with an error after
 * its last word, which the importer does not wait for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* O_PATH, O_TMPFILE, CLONE_THREAD */
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "tr-import-config.h"
#include "tr-error.h"
#include "tr-import-sandbox.h"

#if HAVE_LINUX_LANDLOCK_H && defined(__NR_landlock_create_ruleset)
# include <linux/landlock.h>
# define HAVE_LANDLOCK 1
#else
# define HAVE_LANDLOCK 0
#endif

/* System calls allowed whatever their arguments. Names unknown on this
 * architecture are skipped. */
static const char * const allowed_calls[] = {
  /* Reading what is open, writing the answer. */
  "read", "readv", "pread64", "preadv", "preadv2", "write", "writev", "close", "lseek",
  "fstat", "newfstatat", "stat", "lstat", "statx", "fstatfs", "statfs",
  "access", "faccessat", "faccessat2", "readlink", "readlinkat", "getdents64", "getcwd",
  "fcntl", "dup", "dup3", "poll", "ppoll", "pipe2", "eventfd2",
  /* Memory. */
  "brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "mincore", "membarrier",
  /* Threads (clone is below, for threads only). */
  "futex", "futex_waitv", "set_robust_list", "get_robust_list", "rseq", "set_tid_address",
  "gettid", "getpid", "getppid", "sched_yield", "sched_getaffinity", "sched_getparam",
  "sched_getscheduler", "restart_syscall",
  /* A new thread's shadow stack, where the C library uses them (CET). */
  "map_shadow_stack",
  /* Signals, time, limits, identity. */
  "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigtimedwait", "sigaltstack",
  "clock_gettime", "clock_getres", "clock_nanosleep", "gettimeofday", "time", "nanosleep",
  "getrlimit", "getrusage", "sysinfo", "uname", "getrandom",
  "getuid", "geteuid", "getgid", "getegid", "getresuid", "getresgid", "getgroups",
  "exit", "exit_group",
};

/* Flags of open() that write, create or truncate (O_TMPFILE without the
 * O_DIRECTORY it includes, which opendir() uses). */
#define WRITING_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND | (O_TMPFILE & ~O_DIRECTORY))

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *what)
{
  /* TRANSLATORS: the mechanism that failed (seccomp, Landlock), then why */
  g_set_error (error, TR_ERROR, TR_ERROR_FAILED, _("cannot confine the PDF reader (%s): %s"),
               what, g_strerror (saved_errno));
  return FALSE;
}

static int
add_rule (scmp_filter_ctx       filter,
          uint32_t              action,
          const char           *name,
          unsigned int          n_args,
          const struct scmp_arg_cmp *args)
{
  int number = seccomp_syscall_resolve_name (name);

  if (number == __NR_SCMP_ERROR)
    return 0;
  return seccomp_rule_add_array (filter, action, number, n_args, args);
}

static gboolean
install_filter (GError **error)
{
  scmp_filter_ctx filter = seccomp_init (SCMP_ACT_ERRNO (EPERM));
  pid_t self = getpid ();
  int result = 0;

  if (filter == NULL)
    return set_error_from_errno (error, ENOMEM, "seccomp");

  /* Every thread, should one have been started already. */
  if (seccomp_attr_set (filter, SCMP_FLTATR_CTL_TSYNC, 1) != 0)
    result = -EINVAL;

  for (guint i = 0; i < G_N_ELEMENTS (allowed_calls) && result == 0; i++)
    result = add_rule (filter, SCMP_ACT_ALLOW, allowed_calls[i], 0, NULL);

  if (result == 0)
    {
      /* Opening for reading only. */
      struct scmp_arg_cmp open_flags = SCMP_A1 (SCMP_CMP_MASKED_EQ, WRITING_OPEN_FLAGS, 0);
      struct scmp_arg_cmp openat_flags = SCMP_A2 (SCMP_CMP_MASKED_EQ, WRITING_OPEN_FLAGS, 0);
      /* Threads, not processes: clone() with CLONE_THREAD only. clone3()
       * takes its flags in memory the filter cannot read: ENOSYS makes
       * the C library fall back to clone(). */
      struct scmp_arg_cmp thread_only = SCMP_A0 (SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD);
      /* Signals to itself only (abort(), a thread's cancellation). */
      struct scmp_arg_cmp to_self = SCMP_A0 (SCMP_CMP_EQ, (scmp_datum_t) self);
      /* Reading a limit, not setting one. */
      struct scmp_arg_cmp no_new_limit = SCMP_A2 (SCMP_CMP_EQ, 0);
      /* isatty(), which stdio asks. */
      struct scmp_arg_cmp terminal_query = SCMP_A1 (SCMP_CMP_EQ, TCGETS);
      /* A thread's name, and what the C library and sanitizers ask. */
      static const int prctl_options[] = { PR_SET_NAME, PR_GET_NAME, PR_GET_DUMPABLE, PR_GET_NO_NEW_PRIVS };

      result = add_rule (filter, SCMP_ACT_ALLOW, "open", 1, &open_flags);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ALLOW, "openat", 1, &openat_flags);
      /* openat2() has its flags in memory too. */
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ERRNO (ENOSYS), "openat2", 0, NULL);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ALLOW, "clone", 1, &thread_only);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ERRNO (ENOSYS), "clone3", 0, NULL);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ALLOW, "tgkill", 1, &to_self);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ALLOW, "kill", 1, &to_self);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ALLOW, "prlimit64", 1, &no_new_limit);
      if (result == 0)
        result = add_rule (filter, SCMP_ACT_ALLOW, "ioctl", 1, &terminal_query);
      for (guint i = 0; i < G_N_ELEMENTS (prctl_options) && result == 0; i++)
        {
          struct scmp_arg_cmp option = SCMP_A0 (SCMP_CMP_EQ, (scmp_datum_t) prctl_options[i]);

          result = add_rule (filter, SCMP_ACT_ALLOW, "prctl", 1, &option);
        }
    }

  if (result == 0)
    result = seccomp_load (filter);
  seccomp_release (filter);
  if (result != 0)
    return set_error_from_errno (error, -result, "seccomp");
  return TRUE;
}

#if HAVE_LANDLOCK
static int
landlock_abi (void)
{
  long abi = syscall (__NR_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);

  return abi < 0 ? 0 : (int) abi;
}

/* Reading below @readable_dirs, and no other access to any file. */
static gboolean
restrict_reading (const char * const  *readable_dirs,
                  GError             **error)
{
  struct landlock_ruleset_attr ruleset = { 0 };
  int abi = landlock_abi ();
  int ruleset_fd;

  if (abi < 1)
    return TRUE;  /* not in this kernel: the filter alone */

  ruleset.handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                              LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |
                              LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                              LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                              LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                              LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                              LANDLOCK_ACCESS_FS_MAKE_SYM;
#ifdef LANDLOCK_ACCESS_FS_REFER
  if (abi >= 2)
    ruleset.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
  if (abi >= 3)
    ruleset.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif

  ruleset_fd = (int) syscall (__NR_landlock_create_ruleset, &ruleset, sizeof ruleset, 0);
  if (ruleset_fd < 0)
    return set_error_from_errno (error, errno, "Landlock");

  for (guint i = 0; readable_dirs != NULL && readable_dirs[i] != NULL; i++)
    {
      struct landlock_path_beneath_attr beneath = {
        .allowed_access = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR,
      };

      beneath.parent_fd = open (readable_dirs[i], O_PATH | O_DIRECTORY | O_CLOEXEC);
      if (beneath.parent_fd < 0)
        continue;  /* a folder that is not there has nothing to read */
      if (syscall (__NR_landlock_add_rule, ruleset_fd, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0) != 0)
        {
          int saved_errno = errno;

          close (beneath.parent_fd);
          close (ruleset_fd);
          return set_error_from_errno (error, saved_errno, "Landlock");
        }
      close (beneath.parent_fd);
    }

  if (syscall (__NR_landlock_restrict_self, ruleset_fd, 0) != 0)
    {
      int saved_errno = errno;

      close (ruleset_fd);
      return set_error_from_errno (error, saved_errno, "Landlock");
    }
  close (ruleset_fd);
  return TRUE;
}
#endif

gboolean
tr_import_sandbox_can_limit_reading (void)
{
#if HAVE_LANDLOCK
  return landlock_abi () >= 1;
#else
  return FALSE;
#endif
}

gboolean
tr_import_sandbox_enter (const char * const  *readable_dirs,
                         GError             **error)
{
  /* No set-user-ID program could give back what is taken here; both
   * Landlock and an unprivileged seccomp filter require it. */
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    return set_error_from_errno (error, errno, "no_new_privs");

#if HAVE_LANDLOCK
  if (!restrict_reading (readable_dirs, error))
    return FALSE;
#endif

  /* Last: it refuses the calls that set up Landlock. */
  return install_filter (error);
}
