import { createTheme } from '@mantine/core';

// System fonts that carry Arabic script (Noto Naskh/Sans Arabic on Debian, Segoe UI and Tahoma on Windows).
export const theme = createTheme({
  fontFamily: "system-ui, 'Segoe UI', 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, Arial, sans-serif",
  primaryColor: 'teal',
  // Darker shades than the defaults so text on coloured badges and buttons passes contrast checks.
  primaryShade: 9,
  defaultRadius: 'sm',
});
