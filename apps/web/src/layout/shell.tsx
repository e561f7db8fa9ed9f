import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { StaffRole } from '@hearth/domain';
import { useCurrentUser } from '../auth/current-user';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { BASE, Link, useLocation } from '../router';
import { PreferencesMenu } from './preferences-menu';

const PAGES: { path: string; label: keyof Messages['nav']; roles?: StaffRole[] }[] = [
  { path: '/', label: 'myWork' },
  { path: '/households', label: 'households' },
  { path: '/children', label: 'children', roles: ['caseworker', 'team-manager', 'reviewing-officer', 'assessor'] },
  { path: '/alerts', label: 'alerts' },
  { path: '/panels', label: 'panels' },
  { path: '/register', label: 'register' },
  { path: '/team', label: 'team', roles: ['team-manager'] },
  { path: '/calendar', label: 'calendar' },
  { path: '/staff', label: 'staff', roles: ['admin'] },
  { path: '/access-log', label: 'accessLog', roles: ['admin'] },
  { path: '/account', label: 'account' },
];

export function Shell({ children }: { children: ReactNode }) {
  const { m, t } = useI18n();
  const { me, has, signOut } = useCurrentUser();
  const { path } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const current = (page: string) => (page === '/' ? path === '/' || path.startsWith('/tasks') : path.startsWith(page));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">{m.app.skipToContent}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={m.app.menu} />
            <Title order={1} size="h3">
              <a href={`${BASE}/`} style={{ color: 'inherit', textDecoration: 'none' }}>{m.app.name}</a>
            </Title>
          </Group>
          <PreferencesMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={m.app.menu}>
        {PAGES.filter((page) => !page.roles || has(...page.roles)).map((page) => (
          <NavLink key={page.path} component={Link} to={page.path} label={m.nav[page.label]} active={current(page.path)} variant="filled" aria-current={current(page.path) ? 'page' : undefined} onClick={close} />
        ))}
        <Text size="xs" c="dimmed" mt="md" px="sm">{t(m.nav.signedInAs, { name: me?.displayName ?? '' })}</Text>
        <NavLink component="button" label={m.nav.signOut} onClick={signOut} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>{children}</AppShell.Main>
    </AppShell>
  );
}
