/**
 * SQLite's refusal in a worker thread (a full disk, a read-only file), made again an error with its
 * code on the main thread, where the error handler says it for an official (507 storage_full…).
 */
export function storageFailure(sqlite: { code: string; message: string }): Error {
  return Object.assign(new Error(sqlite.message), { code: sqlite.code });
}
