import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../../../src/renderer/views/queue/ProgressBar';

const at = Date.now();

describe('the progress bar (issue 14 item 7)', () => {
  it('is determinate only with a reported number', () => {
    const html = renderToStaticMarkup(<ProgressBar job={{ state: 'running', progress: 42.4, updatedAt: at, provider: 'novita' }} />);
    expect(html).toContain('aria-valuenow="42"');
    expect(html).toContain('width:42%');
    expect(html).not.toContain('data-indeterminate');
    expect(html).not.toContain('job-progress-note');
  });

  it('without one it slides, says who gives no number, and carries the ETA', () => {
    const html = renderToStaticMarkup(<ProgressBar job={{ state: 'running', etaSeconds: 80, updatedAt: at, provider: 'ark' }} />);
    expect(html).not.toContain('aria-valuenow');
    expect(html).toContain('data-indeterminate=""');
    // Never a full bar that reads as done.
    expect(html).not.toContain('width:100%');
    expect(html).toMatch(/aria-valuetext="BytePlus ModelArk reports no percentage · about 1:(19|20) left"/);
    expect(html).toMatch(/<p class="job-progress-note">BytePlus ModelArk reports no percentage · about 1:(19|20) left<\/p>/);
    const noEta = renderToStaticMarkup(<ProgressBar job={{ state: 'submitted', updatedAt: at, provider: 'fal' }} />);
    expect(noEta).toContain('fal reports no percentage</p>');
  });

  it('shows nothing for jobs not sent or ended, and hides a row\'s copy from assistive technology', () => {
    expect(renderToStaticMarkup(<ProgressBar job={{ state: 'queued', updatedAt: at, provider: 'fal' }} />)).toBe('');
    expect(renderToStaticMarkup(<ProgressBar job={{ state: 'completed', progress: 100, updatedAt: at, provider: 'fal' }} />)).toBe('');
    const row = renderToStaticMarkup(<ProgressBar decorative job={{ state: 'running', updatedAt: at, provider: 'fal' }} />);
    expect(row).toContain('aria-hidden="true"');
    expect(row).not.toContain('role="progressbar"');
  });
});
