import { Button, Checkbox, Popover, SegmentedControl, Select, Stack } from '@mantine/core';
import { useCurrentUser } from '../auth/current-user';
import { useI18n } from '../i18n/i18n';
import type { DigitStyle } from '@hearth/domain';
import { Language, LANGUAGES } from '../i18n/languages';

/** Language, digits and Hijri dates: kept with the account once signed in, and in this browser. */
export function PreferencesMenu() {
  const { m, preferences } = useI18n();
  const { choose: setPreferences } = useCurrentUser();
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
            onChange={(digits) => setPreferences({ digits: digits as DigitStyle })}
            fullWidth
            size="xs"
          />
          <Checkbox label={m.settings.hijri} checked={preferences.hijri} onChange={(event) => setPreferences({ hijri: event.currentTarget.checked })} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
