/**
 * Host versions of the SDK's tables and property lists: the Table family
 * (the view lays out the cells), DataTable and DetailPageTable (the host lays
 * out `columns` × `items`), PropertyList and DetailPagePropertyList.
 */
import type {
  DataTableColumn,
  DataTableItem,
  DataTableProps,
  DataTableRowAction,
  DataTableRowActionGroup,
  DetailPageModuleAction,
  DetailPageModuleDisplayError,
  DetailPageModuleEmptyActionMessage,
  DetailPagePropertyListProps,
  DetailPageTableProps,
  PropertyListItemProps,
  PropertyListProps,
  TableCellProps,
} from '@stripe/ui-extension-sdk/ui';
import {useState, type ReactNode} from 'react';
import {Button} from './actions';
import {SafeAnchor} from './anchor';
import {formatAmount, formatDate} from './format';
import {Badge, Spinner} from './layout';
import {ClickThroughItem, Popup} from './overlays';
import {callRemote, PRESS} from './shared';

// --- Table family: plain semantic table elements ---------------------------

export function Table({children}: {children?: ReactNode}) {
  return (
    <div className="kr-table-scroll">
      <table className="kr-table">{children}</table>
    </div>
  );
}
export const TableHead = ({children}: {children?: ReactNode}) => <thead>{children}</thead>;
export const TableBody = ({children}: {children?: ReactNode}) => <tbody>{children}</tbody>;
export const TableFooter = ({children}: {children?: ReactNode}) => <tfoot>{children}</tfoot>;
export const TableRow = ({children}: {children?: ReactNode}) => <tr>{children}</tr>;

const cellWidth = (w: TableCellProps['width']) => (typeof w === 'number' ? w : w === 'maximized' ? '100%' : w === 'minimized' ? '1%' : undefined);

function cellProps({align, colSpan, rowSpan, vAlign, width, minWidth, maxWidth, wrap}: TableCellProps) {
  return {
    colSpan,
    rowSpan,
    style: {
      textAlign: align,
      verticalAlign: vAlign,
      width: cellWidth(width),
      minWidth: cellWidth(minWidth),
      maxWidth: cellWidth(maxWidth),
      whiteSpace: wrap ? ('normal' as const) : ('nowrap' as const),
    },
  };
}

export const TableCell = (props: TableCellProps) => <td {...cellProps(props)}>{props.children}</td>;
export const TableHeaderCell = (props: TableCellProps) => (
  <th scope="col" {...cellProps(props)}>
    {props.children}
  </th>
);

// --- DataTable / DetailPageTable -------------------------------------------

function Cell({column, item}: {column: DataTableColumn; item: DataTableItem}) {
  const value = item[column.key];
  const cell = column.cell;
  if (value === undefined || value === null || value === '') return <span className="kr-secondary">—</span>;
  switch (cell?.type) {
    case 'status':
      return <Badge type={cell.statusMap[String(value)] ?? 'neutral'}>{String(value)}</Badge>;
    case 'currency': {
      const currency = (cell.currencyKey ? item[cell.currencyKey] : undefined) ?? cell.currencyMap?.[item.id] ?? cell.currency;
      return <span className="kr-numeric">{typeof value === 'number' ? formatAmount(value, String(currency)) : String(value)}</span>;
    }
    case 'date':
      return <span>{formatDate(value, cell.options?.style, cell.options?.timeZone)}</span>;
    case 'id':
      return <span className="kr-mono">{String(value)}</span>;
    case 'link':
      // A cell's URL is the view's: it goes through the same rule as any other href.
      return (
        <SafeAnchor component="DataTable link cell" className="kr-link" href={String(value)} target="_blank" fallback={String(value)}>
          {cell.linkMap?.[String(value)] ?? String(value)}
        </SafeAnchor>
      );
    default:
      return <span>{String(value)}</span>;
  }
}

type RowAction = DataTableRowAction | DataTableRowActionGroup;

function RowActionEntry({action, item}: {action: DataTableRowAction; item: DataTableItem}) {
  const className = `kr-menu-link${action.type === 'destructive' ? ' kr-critical' : ''}`;
  return (
    <ClickThroughItem>
      {'href' in action ? (
        <SafeAnchor component="DataTable row action" className={className} href={action.href} fallback={action.label}>
          {action.label}
        </SafeAnchor>
      ) : (
        <button type="button" className={className} tabIndex={-1} onClick={() => callRemote(action.onPress, item)}>
          {action.label}
        </button>
      )}
    </ClickThroughItem>
  );
}

function RowActions({actions, item}: {actions: RowAction[]; item: DataTableItem}) {
  return (
    <Popup
      label={`Actions for ${item.id}`}
      trigger={
        <button type="button" className="kr-icon-button" aria-label={`Actions for ${item.id}`}>
          ⋯
        </button>
      }
    >
      {actions.map((action) =>
        'actions' in action ? (
          <div key={action.id} role="group" aria-label={action.label} className="kr-menu-group">
            <div className="kr-menu-group-title">{action.label}</div>
            {action.actions.map((inner) => (
              <RowActionEntry key={inner.id} action={inner} item={item} />
            ))}
          </div>
        ) : (
          <RowActionEntry key={action.id} action={action} item={item} />
        ),
      )}
    </Popup>
  );
}

function EmptyMessage({message}: {message: string | DetailPageModuleEmptyActionMessage | undefined}) {
  if (!message) return <span className="kr-secondary">No results</span>;
  if (typeof message === 'string') return <span className="kr-secondary">{message}</span>;
  return (
    <span className="kr-secondary">
      {message.message}{' '}
      <SafeAnchor component="DataTable emptyMessage" className="kr-link" href={message.action.href} fallback={message.action.label}>
        {message.action.label}
      </SafeAnchor>
    </span>
  );
}

interface GridProps {
  label: string;
  columns: DataTableColumn[];
  items: DataTableItem[];
  loading?: boolean;
  emptyMessage?: string | DetailPageModuleEmptyActionMessage;
  onRowClick?: unknown;
  rowActions?: RowAction[];
  batchable?: DataTableProps['batchable'];
  pagination?: DataTableProps['pagination'];
}

function Pagination({pagination, page, setPage, total}: {pagination: NonNullable<DataTableProps['pagination']>; page: number; setPage: (p: number) => void; total: number}) {
  const pages = Math.max(1, Math.ceil(total / pagination.pageSize));
  const cursor = 'hasMore' in pagination;
  const first = (page - 1) * pagination.pageSize + 1;
  const last = Math.min(page * pagination.pageSize, total);
  const go = (to: number) => {
    setPage(to);
    callRemote(pagination.onPageChange, to);
  };
  return (
    <div className="kr-pagination">
      {cursor ? <span className="kr-secondary">Page {page}</span> : <span className="kr-secondary">{total ? `${first}–${last} of ${total} results` : '0 results'}</span>}
      <span className="kr-spacer" />
      <button type="button" className="kr-button kr-button-secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
        Previous
      </button>
      <button type="button" className="kr-button kr-button-secondary" disabled={cursor ? !pagination.hasMore : page >= pages} onClick={() => go(page + 1)}>
        Next
      </button>
    </div>
  );
}

function Grid({label, columns, items, loading, emptyMessage, onRowClick, rowActions, batchable, pagination}: GridProps) {
  const [localPage, setLocalPage] = useState(1);
  const [picked, setPicked] = useState<Record<string, DataTableItem>>({});
  const page = pagination?.currentPage ?? localPage;
  const total = pagination && 'totalItems' in pagination && pagination.totalItems !== undefined ? pagination.totalItems : items.length;
  // Offset pagination without a current page slices here; otherwise the view hands over one page.
  const sliced = pagination && pagination.currentPage === undefined ? items.slice((page - 1) * pagination.pageSize, page * pagination.pageSize) : items;
  const pick = (next: Record<string, DataTableItem>) => {
    setPicked(next);
    callRemote(batchable?.onBatchChange, next);
  };
  const clickable = typeof onRowClick === 'function';
  return (
    <div className="kr-data-table" aria-busy={loading || undefined}>
      <div className="kr-table-scroll">
        <table className="kr-table" aria-label={label}>
          <thead>
            <tr>
              {batchable ? (
                <th scope="col" className="kr-cell-check">
                  <input
                    type="checkbox"
                    aria-label="Select all rows"
                    checked={sliced.length > 0 && sliced.every((i) => picked[i.id])}
                    onChange={(e) => pick(e.target.checked ? Object.fromEntries(sliced.map((i) => [i.id, i])) : {})}
                  />
                </th>
              ) : null}
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.pinned ? 'kr-cell-pinned' : undefined}>
                  {c.hideHeaderLabel ? <span className="kr-sr-only">{c.label}</span> : c.label}
                </th>
              ))}
              {rowActions?.length ? (
                <th scope="col">
                  <span className="kr-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {loading ? (
              <tr>
                <td colSpan={columns.length + 2}>
                  <Spinner />
                </td>
              </tr>
            ) : sliced.length === 0 ? (
              <tr>
                <td colSpan={columns.length + 2}>
                  <EmptyMessage message={emptyMessage} />
                </td>
              </tr>
            ) : (
              sliced.map((item) => (
                <tr
                  key={item.id}
                  className={clickable ? 'kr-row-clickable' : undefined}
                  tabIndex={clickable ? 0 : undefined}
                  onClick={(e) => {
                    // A press on a control inside the row is that control's, not the row's.
                    if (clickable && !(e.target as Element).closest('button, a, input, [role="menu"]')) callRemote(onRowClick, item);
                  }}
                  onKeyDown={(e) => {
                    if (clickable && e.key === 'Enter' && e.target === e.currentTarget) callRemote(onRowClick, item);
                  }}
                >
                  {batchable ? (
                    <td className="kr-cell-check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${item.id}`}
                        checked={Boolean(picked[item.id])}
                        onChange={(e) => {
                          const next = {...picked};
                          if (e.target.checked) next[item.id] = item;
                          else delete next[item.id];
                          pick(next);
                        }}
                      />
                    </td>
                  ) : null}
                  {columns.map((c) => (
                    <td key={c.key} className={c.pinned ? 'kr-cell-pinned' : undefined}>
                      <Cell column={c} item={item} />
                    </td>
                  ))}
                  {rowActions?.length ? (
                    <td className="kr-cell-actions">
                      <RowActions actions={rowActions} item={item} />
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pagination ? <Pagination pagination={pagination} page={page} setPage={setLocalPage} total={total} /> : null}
    </div>
  );
}

export function DataTable(props: DataTableProps) {
  return <Grid label="Data table" {...props} />;
}

function ModuleActions({actions, createAction}: {actions?: DetailPageModuleAction[]; createAction?: unknown}) {
  if (!actions?.length && !createAction) return null;
  return (
    <div className="kr-module-actions">
      {actions?.map((action, i) =>
        'type' in action && action.type === 'link' ? (
          <Button key={i} size="small" href={action.href}>
            {action.label}
          </Button>
        ) : (
          <Button key={i} size="small" onPress={'onPress' in action ? action.onPress : undefined}>
            {action.label}
          </Button>
        ),
      )}
      {createAction ? (
        <Button size="small" onPress={() => callRemote(createAction)}>
          + Create
        </Button>
      ) : null}
    </div>
  );
}

function ModuleError({error}: {error: DetailPageModuleDisplayError}) {
  return (
    <div className="kr-banner kr-banner-critical" role="alert">
      <span>{error.message}</span>{' '}
      {error.errorAction ? (
        <SafeAnchor component="DetailPage error action" className="kr-link" href={error.errorAction.href} fallback={error.errorAction.title}>
          {error.errorAction.title}
        </SafeAnchor>
      ) : null}
    </div>
  );
}

export function DetailPageTable({columns, items = [], pending, emptyMessage, error, extraActions, createAction, onItemPress, rowActions}: DetailPageTableProps) {
  return (
    <div className="kr-module">
      <ModuleActions actions={extraActions} createAction={createAction} />
      {error ? <ModuleError error={error} /> : <Grid label="Detail page table" columns={columns} items={items} loading={pending} emptyMessage={emptyMessage} onRowClick={onItemPress} rowActions={rowActions} />}
    </div>
  );
}

// --- Property lists --------------------------------------------------------

export function PropertyList({orientation = 'vertical', children}: PropertyListProps) {
  return <dl className={`kr-property-list kr-property-list-${orientation}`}>{children}</dl>;
}

export function PropertyListItem({label, value}: PropertyListItemProps) {
  return (
    <div className="kr-property">
      <dt className="kr-property-label">{label}</dt>
      <dd className="kr-property-value">{value ?? <span className="kr-secondary">—</span>}</dd>
    </div>
  );
}

type PropertyValue = NonNullable<NonNullable<DetailPagePropertyListProps['items']>[number]['values'][number]['value']>;

function PropertyText({value}: {value: PropertyValue | undefined}) {
  if (!value) return null;
  return (
    <>
      {value.text}
      {value.action ? (
        <>
          {' '}
          <button type="button" className="kr-link kr-link-button" onClick={() => callRemote(value.action?.onPress, PRESS)}>
            {value.action.title}
          </button>
        </>
      ) : null}
    </>
  );
}

export function DetailPagePropertyList({items = [], pending, emptyMessage, error, extraActions, createAction, orientation}: DetailPagePropertyListProps) {
  return (
    <div className="kr-module">
      <ModuleActions actions={extraActions} createAction={createAction} />
      {error ? (
        <ModuleError error={error} />
      ) : pending ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyMessage message={emptyMessage} />
      ) : (
        <PropertyList orientation={orientation}>
          {items.map((item, i) => (
            <PropertyListItem
              key={i}
              label={
                <>
                  {item.label}
                  {item.description ? <div className="kr-secondary">{item.description}</div> : null}
                </>
              }
              value={item.values.map((v, j) => (
                <div key={j}>
                  <PropertyText value={v.label} /> <PropertyText value={v.value} />
                </div>
              ))}
            />
          ))}
        </PropertyList>
      )}
    </div>
  );
}
