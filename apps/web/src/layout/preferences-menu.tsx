import { Button, Checkbox, Popover, SegmentedControl, Select, Stack } from '@mantine/core';
import { useI18n } from '../i18n/i18n';
import { Digits, Language, LANGUAGES } from '../i18n/languages';

/** Language, digits and Hijri dates, kept in this browser for the next visit. */
export function PreferencesMenu() {
  const { m, preferences, setPreferences } = useI18n();
  const current = LANGUAGES.find((each) => each.code === preferences.language)!;
  return (
    <Popover position="bottom-end" shadow="md" width={280} trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="compact-md" aria-label={`${current.name}: ${m.settings.title}`}>{current.name}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Select
            label={m.settings.language}
            data={LANGUAGES.map((each) => ({ value: each.code, label: each.name }))}
            value={preferences.language}
            onChange={(language) => language && setPreferences({ language: language as Language })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
          <SegmentedControl
            aria-label={m.settings.digits}
            data={[{ value: 'latn', label: m.settings.digitsLatin }, { value: 'arab', label: m.settings.digitsArabic }]}
            value={preferences.digits}
            onChange={(digits) => setPreferences({ digits: digits as Digits })}
            fullWidth
            size="xs"
          />
          <Checkbox label={m.settings.hijri} checked={preferences.hijri} onChange={(event) => setPreferences({ hijri: event.currentTarget.checked })} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
