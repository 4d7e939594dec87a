/**
 * kubectl describe's PrefixWriter and tabbedString: lines indented two
 * spaces per level, aligned by tabwriter (padding 2), with a flush before
 * the events table so it aligns on its own. Also the shared pieces:
 * multi-line labels and annotations, and the Events section.
 */
import type { EventView } from '../../host';
import { age } from '../../format/age';
import { DESCRIBE, tabwrite } from '../../format/tabwriter';

export class DescribeWriter {
  private readonly done: string[] = [];
  private current = '';

  /** Write `text` at an indent level (0, 1, 2, 3 → 0, 2, 4, 6 spaces). */
  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  /** End the current tabwriter block (DescribeEvents calls Flush before its table). */
  flush(): void {
    this.done.push(tabwrite(this.current, DESCRIBE));
    this.current = '';
  }

  toString(): string {
    this.flush();
    return this.done.join('');
  }
}

/** `Labels:  app=web` then one `key=value` per line under it (printLabelsMultiline). */
export function writeLabels(w: DescribeWriter, title: string, labels: Readonly<Record<string, string>>): void {
  const keys = Object.keys(labels).sort();
  w.write(0, `${title}:\t`);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => w.write(0, `${i === 0 ? '' : '\t'}${key}=${labels[key] ?? ''}\n`));
}

/** Annotations as `key: value` lines; long or multi-line values go under the key (printAnnotationsMultiline). */
export function writeAnnotations(w: DescribeWriter, annotations: Readonly<Record<string, string>>): void {
  const keys = Object.keys(annotations)
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  w.write(0, 'Annotations:\t');
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i > 0) w.write(0, '\t');
    const value = (annotations[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > 140 || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${line.length > 138 ? `${line.slice(0, 138)}...` : line}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

/** The Events section (DescribeEvents), oldest last-seen first. */
export function writeEvents(w: DescribeWriter, events: readonly EventView[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of [...events].sort((a, b) => a.lastMs - b.lastMs)) {
    const first = age(e.firstMs, now);
    const interval = e.count > 1 ? `${age(e.lastMs, now)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source}\t${e.message.trim()}\n`);
  }
}
