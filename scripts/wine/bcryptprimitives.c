/* Wine 8.0 (Debian 12) has no bcryptprimitives.dll, whose ProcessPrng the Go
   runtime (1.24 on) loads at start; this stand-in gives it Wine's
   BCryptGenRandom, for the smoke test of the Windows binary only
   (scripts/wine-smoke.sh). Real Windows 10/11 has the DLL. */
#include <windows.h>
#include <bcrypt.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  return BCryptGenRandom(NULL, data, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
