/** Word lists the seed draws from; text only has to read plausibly. */
export const AUTHORS = [
  'Alex M.',
  'Sam K.',
  'Jordan P.',
  'Taylor R.',
  'Morgan L.',
  'Casey B.',
  'Riley T.',
  'Jamie S.',
  'Avery D.',
  'Quinn H.',
  'Robin F.',
  'Charlie W.',
];

/** Titles per star rating, index 0 for 1 star. */
export const TITLES: readonly (readonly string[])[] = [
  ['Disappointing', 'Would not buy again', 'Broke quickly'],
  ['Not great', 'Below expectations', 'Meh'],
  ['It is fine', 'Does the job', 'Average'],
  ['Very good', 'Solid choice', 'Happy with it'],
  ['Excellent', 'Love it', 'Best purchase this year'],
];

/** Opening sentences per star rating, index 0 for 1 star. */
export const OPENINGS: readonly string[] = [
  'It stopped working far too soon.',
  'It works, but not as well as I hoped.',
  'It does what it says, nothing more.',
  'Well made and easy to use.',
  'Exceeded my expectations in every way.',
];
