import {
  OUTLIER_EJECTION_DEFAULTS,
  outlierEjectionSchema,
  settingsOf,
} from './outlier-ejection.options';

describe('outlier ejection settings', () => {
  it('has a default for every setting', () => {
    expect(outlierEjectionSchema.parse({})).toEqual(OUTLIER_EJECTION_DEFAULTS);
    expect(settingsOf({})).toEqual(OUTLIER_EJECTION_DEFAULTS);
  });

  it('keeps what the options set and fills only the gaps', () => {
    expect(settingsOf({ consecutiveFailures: 0, maxEjectionPercent: 10 })).toEqual({
      ...OUTLIER_EJECTION_DEFAULTS,
      consecutiveFailures: 0,
      maxEjectionPercent: 10,
    });
  });

  it('refuses a misspelt key or a share over 100 %', () => {
    expect(() => outlierEjectionSchema.parse({ maxEjectionMS: 1000 })).toThrow();
    expect(() => outlierEjectionSchema.parse({ maxEjectionPercent: 150 })).toThrow();
  });
});
