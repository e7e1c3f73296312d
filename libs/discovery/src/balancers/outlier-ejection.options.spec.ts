import {
  OUTLIER_EJECTION_DEFAULTS,
  outlierEjectionOverrideSchema,
  settingsOf,
} from './outlier-ejection.options';

describe('outlier ejection settings', () => {
  it('has a default for every setting', () => {
    expect(settingsOf({})).toEqual(OUTLIER_EJECTION_DEFAULTS);
  });

  it('keeps what the options set and fills only the gaps', () => {
    expect(settingsOf({ consecutiveFailures: 0, maxEjectionPercent: 10 })).toEqual({
      ...OUTLIER_EJECTION_DEFAULTS,
      consecutiveFailures: 0,
      maxEjectionPercent: 10,
    });
  });

  it('takes config changes field by field, adding no defaults of its own', () => {
    expect(outlierEjectionOverrideSchema.parse({ baseEjectionMs: 500 })).toEqual({
      baseEjectionMs: 500,
    });
  });

  it('refuses a misspelt key or a share over 100 %', () => {
    expect(() => outlierEjectionOverrideSchema.parse({ maxEjectionMS: 1000 })).toThrow();
    expect(() => outlierEjectionOverrideSchema.parse({ maxEjectionPercent: 150 })).toThrow();
  });
});
