import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelName } from '../../../../src/shared/contract/define';
import { FILE_GRANT_CHANNEL, FileGrantRequest } from '../../../../src/shared/contract/files';
import { contract } from '../../../../src/shared/contract/index';

const requests = Object.entries(contract).flatMap(([domain, def]) => Object.entries(def.requests).map(([verb, req]) => ({ channel: channelName(domain, verb), req })));

describe('the file grant channel', () => {
  it('is outside the contract, so the page API and the router never carry it', () => {
    expect(requests.map((r) => r.channel)).not.toContain(FILE_GRANT_CHANNEL);
    expect(Object.keys(contract)).not.toContain(FILE_GRANT_CHANNEL.split(':')[0]);
  });

  it('is the only message that names a file by path: no contract request takes one', () => {
    expect(FileGrantRequest.shape).toHaveProperty('path');
    for (const { channel, req } of requests) {
      if (req.input instanceof z.ZodObject) expect(Object.keys(req.input.shape), channel).not.toContain('path');
    }
    expect(contract.images.requests.import.input.safeParse({ path: '/home/someone/sunset.jpg' }).success).toBe(false);
    expect(contract.images.requests.import.input.safeParse({ token: 'f'.repeat(32) }).success).toBe(true);
  });
});
