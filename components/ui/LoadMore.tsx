"use client";
// "Load more" under a keyset-paged list that is not on DataTable yet (DataTable has its own).
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import type { LoadMoreQuery } from "./DataTable";

export function LoadMore({ query }: { query: LoadMoreQuery }) {
  const t = useTranslations("common");
  if (!query.hasNextPage) return null;
  return (
    <div className="mt-3 flex justify-center">
      <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {t("loadMore")}
      </Button>
    </div>
  );
}
