import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import { portField } from './env-fields';

const schema = z.object({ PORT: portField(8080), NAME: z.string().min(1) });

describe('loadConfig', () => {
  it('returns typed values with defaults applied', () => {
    expect(loadConfig(schema, { NAME: 'gateway' })).toEqual({ PORT: 8080, NAME: 'gateway' });
  });

  it('coerces numeric strings', () => {
    expect(loadConfig(schema, { NAME: 'x', PORT: '9000' }).PORT).toBe(9000);
  });

  it('lists every invalid variable by name', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: '70000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(problems[1]).toMatch(/^NAME: /);
  });
});
