import { AUTO_DURATION } from '../catalog/task-type';

/** A job's asked-for duration in words: "5 s", or "Auto" for −1 (the model picks, Seedance 2.x). */
export function durationText(seconds: number): string {
  return seconds === AUTO_DURATION ? 'Auto' : `${seconds} s`;
}
