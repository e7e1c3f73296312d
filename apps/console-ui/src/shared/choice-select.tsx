/**
 * A filter's select: "any" (undefined) or one of `choices`, applied at once.
 * `T` narrows the value to the filter field's own type.
 */
export function ChoiceSelect<T extends string>({
  label,
  testId,
  value,
  choices,
  onChange,
}: {
  label: string;
  testId: string;
  value: T | undefined;
  choices: readonly T[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <label>
      {label}
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(e) => onChange((e.currentTarget.value || undefined) as T | undefined)}
      >
        <option value="">any</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}
