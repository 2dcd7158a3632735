/**
 * Host versions of the SDK's form fields.
 *
 * A controlled field over an async boundary drops keystrokes if it renders
 * every echo of its own value ("api_" arrives as "a", "ap", …, after the user
 * has typed on). The field keeps its own value and accepts a value from the
 * view only when it is not one of its own echoes, e.g. the view clearing it.
 */
import type {
  CheckboxProps,
  CurrencyFieldProps,
  DateRangePickerProps,
  FormFieldGroupProps,
  MultiSearchFieldProps,
  RadioProps,
  SelectProps,
  SingleSearchFieldProps,
  StripeFileUploaderProps,
  SwitchProps,
} from '@stripe/ui-extension-sdk/ui';
import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import {callRemote, textOf} from './shared';

function useEchoSafeValue(propValue: string | undefined, defaultValue: string | undefined) {
  const [value, setValue] = useState(propValue ?? defaultValue ?? '');
  const pending = useRef<string[]>([]);
  useEffect(() => {
    if (propValue === undefined) return;
    const echo = pending.current.indexOf(propValue);
    if (echo !== -1) {
      pending.current = pending.current.slice(echo + 1);
      return;
    }
    pending.current = [];
    setValue(propValue);
  }, [propValue]);
  const typed = (next: string) => {
    pending.current.push(next);
    setValue(next);
  };
  return [value, typed] as const;
}

/**
 * What every text-like field shares: an id for its label, its echo-safe value,
 * and a change handler that keeps the value and tells the view. `toView` shapes
 * what crosses (a plain object: DOM events cannot cross into the iframe).
 */
function useRemoteField(
  props: {value?: string; defaultValue?: string; name?: string; onChange?: unknown},
  toView: (value: string) => unknown = (value) => ({target: {value, name: props.name}}),
) {
  const id = useId();
  const [value, setValue] = useEchoSafeValue(props.value, props.defaultValue);
  const onChange = (e: {target: {value: string}}) => {
    setValue(e.target.value);
    callRemote(props.onChange, toView(e.target.value));
  };
  return {id, value, onChange};
}

interface FieldChrome {
  label?: ReactNode;
  description?: ReactNode;
  error?: string;
  invalid?: boolean;
  hiddenElements?: string[];
}

function Field({id, label, description, error, hiddenElements = [], children}: FieldChrome & {id: string; children: ReactNode}) {
  return (
    <div className="kr-field">
      {label ? (
        // A hidden label still names the field for screen readers.
        <label htmlFor={id} className={hiddenElements.includes('label') ? 'kr-sr-only' : 'kr-label'}>
          {label}
        </label>
      ) : null}
      {description && !hiddenElements.includes('description') ? <div className="kr-secondary">{description}</div> : null}
      {children}
      {error && !hiddenElements.includes('error') ? (
        <div className="kr-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

interface TextFieldProps extends FieldChrome {
  name?: string;
  type?: string;
  value?: string;
  defaultValue?: string;
  placeholder?: string;
  disabled?: boolean;
  readOnly?: boolean;
  required?: boolean;
  autoComplete?: string;
  spellCheck?: boolean | string;
  maxLength?: number;
  onChange?: unknown;
  onKeyDown?: unknown;
  /** As the SDK documents it: focus the field when it mounts. A view has no other way to move focus. */
  autoFocus?: boolean;
}

/**
 * A key press as plain data: DOM events cannot cross to the iframe. The view
 * already receives the whole value through onChange, so a key tells it nothing
 * more; preventDefault and the like are not offered (they could not act here).
 */
function keyPress(e: {key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; repeat: boolean}) {
  return {key: e.key, code: e.code, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, repeat: e.repeat, target: {}};
}

export function TextField(props: TextFieldProps) {
  const {id, value, onChange} = useRemoteField(props);
  return (
    <Field id={id} {...props}>
      <input
        id={id}
        className={`kr-input${props.invalid || props.error ? ' kr-invalid' : ''}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        readOnly={props.readOnly}
        required={props.required}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck === true || props.spellCheck === 'true'}
        maxLength={props.maxLength}
        aria-invalid={props.invalid || Boolean(props.error)}
        autoFocus={props.autoFocus}
        onChange={onChange}
        onKeyDown={props.onKeyDown ? (e) => callRemote(props.onKeyDown, keyPress(e)) : undefined}
      />
    </Field>
  );
}

export function TextArea(props: TextFieldProps & {rows?: number}) {
  const {id, value, onChange} = useRemoteField(props);
  return (
    <Field id={id} {...props}>
      <textarea
        id={id}
        className="kr-input"
        name={props.name}
        rows={props.rows ?? 3}
        value={value}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        onChange={onChange}
      />
    </Field>
  );
}

export function DateField(props: FieldChrome & {value?: string; defaultValue?: string; disabled?: boolean; onChange?: unknown}) {
  // The SDK's DateField hands the view the day as a string.
  const {id, value, onChange} = useRemoteField(props, (day) => day);
  return (
    <Field id={id} {...props}>
      <input
        id={id}
        className={`kr-input${props.invalid || props.error ? ' kr-invalid' : ''}`}
        type="date"
        value={value}
        disabled={props.disabled}
        aria-invalid={props.invalid || Boolean(props.error)}
        onChange={onChange}
      />
    </Field>
  );
}

export function Select(props: SelectProps) {
  const select = useRef<HTMLSelectElement>(null);
  // The Dashboard's change event also carries the chosen option's index, and
  // views map it back to their own option lists (Stripe's setting-ui sample does).
  const {id, value, onChange} = useRemoteField({...props, value: arrayless(props.value), defaultValue: arrayless(props.defaultValue)}, (chosen) => ({
    target: {value: chosen, name: props.name, selectedIndex: select.current?.selectedIndex ?? -1},
  }));
  const [several, setSeveral] = useState<string[]>(asArray(props.value ?? props.defaultValue));
  return (
    <Field id={id} {...props}>
      {props.multiple ? (
        <select
          ref={select}
          id={id}
          className="kr-input"
          name={props.name}
          multiple
          value={several}
          disabled={props.disabled}
          autoFocus={props.autoFocus}
          required={props.required}
          onChange={(e) => {
            const chosen = Array.from(e.target.selectedOptions, (o) => o.value);
            setSeveral(chosen);
            callRemote(props.onChange, {target: {value: chosen, name: props.name, selectedIndex: e.target.selectedIndex}});
          }}
        >
          {props.children}
        </select>
      ) : (
        <select
          ref={select}
          id={id}
          className="kr-input"
          name={props.name}
          value={value}
          disabled={props.disabled}
          required={props.required}
          autoFocus={props.autoFocus}
          onChange={onChange}
        >
          {props.children}
        </select>
      )}
    </Field>
  );
}

const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const arrayless = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A view's `<option>` inside a Select. Its text arrives as remote text nodes,
 * which an HTML option cannot hold as elements: the host reads the string out.
 */
export function Option({value, label, disabled, children}: {value?: string | number; label?: string; disabled?: boolean; children?: ReactNode}) {
  const text = textOf(children);
  return (
    <option value={value ?? text} disabled={disabled}>
      {label ?? text}
    </option>
  );
}

export function OptGroup({label, disabled, children}: {label?: string; disabled?: boolean; children?: ReactNode}) {
  return (
    <optgroup label={label} disabled={disabled}>
      {children}
    </optgroup>
  );
}

/** Checkbox, Switch and Radio share this: a checked state the view may control. */
function useChecked(props: {checked?: boolean; defaultChecked?: boolean}) {
  const [checked, setChecked] = useState(props.checked ?? props.defaultChecked ?? false);
  useEffect(() => {
    if (props.checked !== undefined) setChecked(props.checked);
  }, [props.checked]);
  return [checked, setChecked] as const;
}

function Toggle({kind, ...props}: (CheckboxProps | SwitchProps | RadioProps) & {kind: 'checkbox' | 'switch' | 'radio'}) {
  const id = useId();
  const [checked, setChecked] = useChecked(props);
  const box = useRef<HTMLInputElement>(null);
  const indeterminate = 'indeterminate' in props ? props.indeterminate : undefined;
  useEffect(() => {
    if (box.current) box.current.indeterminate = Boolean(indeterminate);
  }, [indeterminate]);
  const hidden = props.hiddenElements ?? [];
  // Radios in a group uncheck each other natively: only a view that controls `checked` drives them.
  const radioState = kind === 'radio' && props.checked === undefined ? {defaultChecked: props.defaultChecked} : {checked};
  return (
    <div className={`kr-field kr-toggle kr-toggle-${kind}`}>
      <span className="kr-toggle-row">
        <input
          ref={box}
          id={id}
          type={kind === 'radio' ? 'radio' : 'checkbox'}
          role={kind === 'switch' ? 'switch' : undefined}
          className={kind === 'switch' ? 'kr-switch' : undefined}
          name={props.name}
          value={props.value}
          {...radioState}
          disabled={props.disabled}
          autoFocus={props.autoFocus}
          required={props.required}
          aria-invalid={props.invalid || Boolean(props.error) || undefined}
          onChange={(e) => {
            setChecked(e.target.checked);
            callRemote(props.onChange, {target: {checked: e.target.checked, name: props.name, value: props.value ?? 'on'}});
          }}
        />
        {props.label ? (
          <label htmlFor={id} className={hidden.includes('label') ? 'kr-sr-only' : undefined}>
            {props.label}
          </label>
        ) : null}
      </span>
      {props.description && !hidden.includes('description') ? <div className="kr-secondary kr-toggle-description">{props.description}</div> : null}
      {props.error && !hidden.includes('error') ? <div className="kr-field-error">{props.error}</div> : null}
    </div>
  );
}

export const Checkbox = (props: CheckboxProps) => <Toggle {...props} kind="checkbox" />;
export const Switch = (props: SwitchProps) => <Toggle {...props} kind="switch" />;
export const Radio = (props: RadioProps) => <Toggle {...props} kind="radio" />;

export function FormFieldGroup({legend, description, layout, disabled, children}: FormFieldGroupProps) {
  return (
    <fieldset className={`kr-fieldgroup kr-fieldgroup-${layout === 'horizontal' ? 'row' : 'column'}`} disabled={disabled}>
      {legend ? <legend className="kr-label">{legend}</legend> : null}
      {description ? <div className="kr-secondary">{description}</div> : null}
      {children}
    </fieldset>
  );
}

function currencySymbol(currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {style: 'currency', currency}).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** The amount as typed (major units, e.g. 12.50), or null when the field is empty or not a number. */
export function CurrencyField(props: CurrencyFieldProps) {
  const id = useId();
  const [currency, setCurrency] = useState<string>(props.currency ?? props.defaultCurrency ?? 'USD');
  useEffect(() => {
    if (props.currency) setCurrency(props.currency);
  }, [props.currency]);
  const initial = props.value ?? props.defaultValue;
  const [text, setText] = useState(initial === undefined || initial === null ? '' : String(initial));
  const choices = props.currencyAllowlist ?? [];
  return (
    <Field id={id} {...props}>
      <span className="kr-input-group">
        <span className="kr-input-affix" aria-hidden>
          {currencySymbol(currency)}
        </span>
        <input
          id={id}
          className="kr-input"
          inputMode="decimal"
          value={text}
          disabled={props.disabled}
          autoFocus={props.autoFocus}
          readOnly={props.readOnly}
          aria-invalid={Boolean(props.error) || undefined}
          onChange={(e) => {
            setText(e.target.value);
            const amount = e.target.value.trim() === '' ? null : Number(e.target.value.replace(/,/g, ''));
            callRemote(props.onChange, amount === null || Number.isNaN(amount) ? null : amount);
          }}
        />
        {choices.length > 1 ? (
          <select
            className="kr-input kr-input-affix-select"
            aria-label="Currency"
            value={currency}
            disabled={props.disabled}
            onChange={(e) => {
              setCurrency(e.target.value);
              callRemote(props.onCurrencyChange, e.target.value);
            }}
          >
            {choices.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        ) : (
          <span className="kr-input-affix">{currency}</span>
        )}
      </span>
    </Field>
  );
}

const PRESETS: Record<string, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  last7Days: 'Last 7 days',
  last4Weeks: 'Last 4 weeks',
  last3Months: 'Last 3 months',
  last6Months: 'Last 6 months',
  last12Months: 'Last 12 months',
  previousMonth: 'Previous month',
  previousQuarter: 'Previous quarter',
  previousYear: 'Previous year',
  monthToDate: 'Month to date',
  quarterToDate: 'Quarter to date',
  yearToDate: 'Year to date',
  allTime: 'All time',
};

const isoDay = (d: unknown) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : '');
/** disableDatesBefore/After: "today" or "MM/DD/YYYY". */
function limit(v: string | undefined): string | undefined {
  if (!v) return undefined;
  if (v === 'today') return isoDay(new Date());
  const [m, d, y] = v.split('/');
  return y ? `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : undefined;
}

export function DateRangePicker({value, onChange, label, showDateGranularityToggle, disableDatesAfter, disableDatesBefore}: DateRangePickerProps) {
  const id = useId();
  const range = value?.range;
  const initialPreset = typeof range === 'string' ? range : 'custom';
  const [preset, setPreset] = useState(initialPreset);
  const [start, setStart] = useState(typeof range === 'object' ? isoDay(range.start) : '');
  const [end, setEnd] = useState(typeof range === 'object' ? isoDay(range.end) : '');
  const [granularity, setGranularity] = useState(value?.granularity ?? 'day');
  const send = (next: {preset?: string; start?: string; end?: string; granularity?: string}) => {
    const p = next.preset ?? preset;
    const g = (next.granularity ?? granularity) as NonNullable<typeof granularity>;
    const s = next.start ?? start;
    const e = next.end ?? end;
    // Dates cross the boundary as Date objects (structured clone keeps them).
    const out = p === 'custom' ? {start: s ? new Date(`${s}T00:00:00`) : undefined, end: e ? new Date(`${e}T23:59:59`) : undefined} : p;
    callRemote(onChange, {range: out, granularity: g});
  };
  return (
    <fieldset className="kr-fieldgroup kr-fieldgroup-row kr-date-range">
      <legend className="kr-label">{label ?? 'Date range'}</legend>
      <select
        id={id}
        className="kr-input"
        aria-label="Date range preset"
        value={preset}
        onChange={(e) => {
          setPreset(e.target.value);
          send({preset: e.target.value});
        }}
      >
        {Object.entries(PRESETS).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
        <option value="custom">Custom</option>
      </select>
      {preset === 'custom' ? (
        <>
          <input
            type="date"
            className="kr-input"
            aria-label="Start date"
            value={start}
            min={limit(disableDatesBefore)}
            max={end || limit(disableDatesAfter)}
            onChange={(e) => {
              setStart(e.target.value);
              send({start: e.target.value});
            }}
          />
          <span aria-hidden>–</span>
          <input
            type="date"
            className="kr-input"
            aria-label="End date"
            value={end}
            min={start || limit(disableDatesBefore)}
            max={limit(disableDatesAfter)}
            onChange={(e) => {
              setEnd(e.target.value);
              send({end: e.target.value});
            }}
          />
        </>
      ) : null}
      {showDateGranularityToggle ? (
        <select
          className="kr-input"
          aria-label="Granularity"
          value={granularity}
          onChange={(e) => {
            setGranularity(e.target.value as typeof granularity);
            send({granularity: e.target.value});
          }}
        >
          {['day', 'week', 'month', 'year'].map((g) => (
            <option key={g} value={g}>
              {g[0].toUpperCase() + g.slice(1)}
            </option>
          ))}
        </select>
      ) : null}
    </fieldset>
  );
}

/** A combobox over `data`: type to filter, arrows to move, Enter to choose, Escape to close. */
export function SearchField(props: SingleSearchFieldProps | MultiSearchFieldProps) {
  const id = useId();
  const [text, setText] = useEchoSafeValue(props.value, props.defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const multiple = props.selectionMode === 'multiple';
  const [chosen, setChosen] = useState<(string | number)[]>(
    multiple ? (props.defaultSelected ?? []) : props.defaultSelected !== undefined ? [props.defaultSelected] : [],
  );
  const data = Array.isArray(props.data) ? props.data : [];
  const matches = data.filter((d) => d.value.toLowerCase().includes(text.toLowerCase()));
  const choose = (key: string) => {
    if (multiple) {
      const next = chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key];
      setChosen(next);
      callRemote(props.onSelectionChange, new Set(next));
    } else {
      setChosen([key]);
      const item = data.find((d) => d.id === key);
      if (item) setText(item.value);
      callRemote(props.onSelectionChange, key);
      setOpen(false);
    }
  };
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <Field id={id} {...props}>
      {multiple && chosen.length ? (
        <span className="kr-chip-list">
          {chosen.map((key) => (
            <span key={key} className="kr-chip">
              <span className="kr-chip-text">{data.find((d) => d.id === key)?.value ?? key}</span>
              <button type="button" className="kr-chip-button" aria-label={`Remove ${data.find((d) => d.id === key)?.value ?? key}`} onClick={() => choose(String(key))}>
                ×
              </button>
            </span>
          ))}
        </span>
      ) : null}
      <span className="kr-combobox">
        <input
          id={id}
          className="kr-input kr-search-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={open && matches.length ? optionId(active) : undefined}
          placeholder={props.placeholder}
          disabled={props.disabled}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
            callRemote(props.onInputChange, e.target.value);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (matches.length ? (a + (e.key === 'ArrowDown' ? 1 : -1) + matches.length) % matches.length : 0));
            } else if (e.key === 'Enter' && open && matches[active]) {
              e.preventDefault();
              choose(matches[active].id);
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        {open ? (
          <ul id={`${id}-listbox`} role="listbox" className={`kr-listbox kr-listbox-${props.listboxSize ?? 'medium'}`} aria-multiselectable={multiple || undefined}>
            {matches.length === 0 ? <li className="kr-secondary kr-listbox-empty">No results</li> : null}
            {matches.map((d, i) => (
              <li
                key={d.id}
                id={optionId(i)}
                role="option"
                aria-selected={chosen.includes(d.id)}
                className={`kr-listbox-option${i === active ? ' kr-listbox-active' : ''}`}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(d.id);
                }}
              >
                {d.value}
              </li>
            ))}
          </ul>
        ) : null}
      </span>
    </Field>
  );
}

/**
 * The Dashboard uploads the file to Stripe and hands the view the File
 * object. The preview has no files API: it hands the view a stand-in File
 * object (id file_preview_…) describing the chosen file, and says so.
 */
export function StripeFileUploader({label, purpose, onComplete}: StripeFileUploaderProps) {
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="kr-field">
      <label htmlFor={id} className="kr-label">
        {label}
      </label>
      <input
        id={id}
        type="file"
        className="kr-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setChosen(file.name);
          const created = Math.floor(Date.now() / 1000);
          callRemote(onComplete, {
            id: `file_preview_${created.toString(36)}`,
            object: 'file',
            created,
            filename: file.name,
            purpose,
            size: file.size,
            type: file.name.split('.').pop(),
            links: {object: 'list', data: [], has_more: false, url: '/v1/file_links'},
          });
        }}
      />
      {chosen ? (
        <div className="kr-secondary" role="status">
          {chosen} chosen (the preview does not upload files to Stripe)
        </div>
      ) : null}
    </div>
  );
}
