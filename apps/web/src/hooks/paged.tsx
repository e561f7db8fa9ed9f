import { Button } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';
import { useI18n } from '../i18n/i18n';

interface KeysetPage<T> {
  items: T[];
  nextCursor?: string | null;
  next?: string | null;
}

/** A keyset-paged list (`cursor` → `nextCursor`; the register's `after` → `next`), its rows so far and a way to load more. */
export function usePaged<T>(key: unknown[], path: string, query: Parameters<typeof withQuery>[1], cursorParam: 'cursor' | 'after' = 'cursor') {
  const pages = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => api<KeysetPage<T>>(withQuery(path, { ...query, [cursorParam]: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (cursorParam === 'cursor' ? page.nextCursor : page.next) ?? undefined,
  });
  return { ...pages, rows: pages.data?.pages.flatMap((page) => page.items) ?? [] };
}

/** "Show more", while there is more. */
export function LoadMore({ list }: { list: Pick<ReturnType<typeof usePaged>, 'hasNextPage' | 'fetchNextPage' | 'isFetchingNextPage'> }) {
  const { m } = useI18n();
  if (!list.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
      {m.common.loadMore}
    </Button>
  );
}
