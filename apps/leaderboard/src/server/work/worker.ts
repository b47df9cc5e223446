/** The worker threads' entry (pool.ts): each task is one of tasks.ts. */
import { runTask, type Task } from './tasks.js';

export default function work(task: Task) {
  return runTask(task);
}
