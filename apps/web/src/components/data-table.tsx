import { Table, TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table with its column headings, scrolling sideways inside its frame on a phone rather than widening the page. */
export function DataTable({ headers, children, ...props }: TableProps & { headers: ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-frame">
      <Table {...props}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, index) => (
              <Table.Th key={index}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
