import { readDevSettings } from './dev-settings';

describe('readDevSettings', () => {
  it('defaults to the dev registry on 8500 and a loopback console, auto-restart off', () => {
    expect(readDevSettings({})).toEqual({
      consulAddress: 'http://127.0.0.1:8500',
      registryPort: 8500,
      autoRestart: false,
      consoleHost: '127.0.0.1',
      consoleExposed: false,
    });
  });

  it('reads CONSUL_HTTP_ADDR with or without a scheme', () => {
    expect(readDevSettings({ CONSUL_HTTP_ADDR: '127.0.0.1:18500' })).toMatchObject({
      consulAddress: 'http://127.0.0.1:18500',
      registryPort: 18500,
    });
    expect(readDevSettings({ CONSUL_HTTP_ADDR: 'https://consul.internal:8501' })).toMatchObject({
      consulAddress: 'https://consul.internal:8501',
      registryPort: 8501,
    });
    expect(readDevSettings({ REGISTRY_PORT: '8600' }).consulAddress).toBe('http://127.0.0.1:8600');
  });

  it('turns auto-restart on with JUNCTION_AUTO_RESTART=true', () => {
    expect(readDevSettings({ JUNCTION_AUTO_RESTART: 'true' }).autoRestart).toBe(true);
  });

  it('marks a console beyond loopback as exposed', () => {
    expect(readDevSettings({ CONSOLE_HOST: '0.0.0.0' }).consoleExposed).toBe(true);
  });

  it.each([
    [{ JUNCTION_AUTO_RESTART: 'yes' }, 'JUNCTION_AUTO_RESTART'],
    [{ CONSOLE_TOKEN: 'short' }, 'CONSOLE_TOKEN'],
    [{ REGISTRY_PORT: 'x' }, 'REGISTRY_PORT'],
    [{ CONSUL_HTTP_ADDR: 'http://' }, 'CONSUL_HTTP_ADDR'],
  ])('refuses %j, naming the variable', (env, variable) => {
    expect(() => readDevSettings(env)).toThrow(variable);
  });
});
