/**
 * Host versions of the SDK's form fields.
 *
 * A controlled field over an async boundary drops keystrokes if it renders
 * every echo of its own value ("api_" arrives as "a", "ap", …, after the user
 * has typed on). The field keeps its own value and accepts a value from the
 * view only when it is not one of its own echoes, e.g. the view clearing it.
 */
import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import {callRemote} from './shared';

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
      {label && !hiddenElements.includes('label') ? (
        <label htmlFor={id} className="kr-label">
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
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const [value, setValue] = useEchoSafeValue(props.value, props.defaultValue);
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
        onChange={(e) => {
          setValue(e.target.value);
          // A plain object: DOM events cannot cross into the iframe.
          callRemote(props.onChange, {target: {value: e.target.value, name: props.name}});
        }}
      />
    </Field>
  );
}

export function TextArea(props: TextFieldProps & {rows?: number}) {
  const id = useId();
  const [value, setValue] = useEchoSafeValue(props.value, props.defaultValue);
  return (
    <Field id={id} {...props}>
      <textarea
        id={id}
        className="kr-input"
        name={props.name}
        rows={props.rows ?? 3}
        value={value}
        disabled={props.disabled}
        onChange={(e) => {
          setValue(e.target.value);
          callRemote(props.onChange, {target: {value: e.target.value, name: props.name}});
        }}
      />
    </Field>
  );
}

export function DateField(props: FieldChrome & {value?: string; defaultValue?: string; disabled?: boolean; onChange?: unknown}) {
  const id = useId();
  const [value, setValue] = useEchoSafeValue(props.value, props.defaultValue);
  return (
    <Field id={id} {...props}>
      <input
        id={id}
        className={`kr-input${props.invalid || props.error ? ' kr-invalid' : ''}`}
        type="date"
        value={value}
        disabled={props.disabled}
        aria-invalid={props.invalid || Boolean(props.error)}
        onChange={(e) => {
          setValue(e.target.value);
          // The SDK's DateField hands the view the day as a string.
          callRemote(props.onChange, e.target.value);
        }}
      />
    </Field>
  );
}

export function Select(props: FieldChrome & {name?: string; value?: string; defaultValue?: string; disabled?: boolean; onChange?: unknown; children?: ReactNode}) {
  const id = useId();
  const [value, setValue] = useEchoSafeValue(props.value, props.defaultValue);
  return (
    <Field id={id} {...props}>
      <select
        id={id}
        className="kr-input"
        name={props.name}
        value={value}
        disabled={props.disabled}
        onChange={(e) => {
          setValue(e.target.value);
          callRemote(props.onChange, {target: {value: e.target.value, name: props.name}});
        }}
      >
        {props.children}
      </select>
    </Field>
  );
}

export function Checkbox(props: FieldChrome & {name?: string; checked?: boolean; defaultChecked?: boolean; disabled?: boolean; onChange?: unknown}) {
  const id = useId();
  const [checked, setChecked] = useState(props.checked ?? props.defaultChecked ?? false);
  useEffect(() => {
    if (props.checked !== undefined) setChecked(props.checked);
  }, [props.checked]);
  return (
    <div className="kr-field kr-checkbox">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={checked}
        disabled={props.disabled}
        onChange={(e) => {
          setChecked(e.target.checked);
          callRemote(props.onChange, {target: {checked: e.target.checked, name: props.name}});
        }}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.error ? <div className="kr-field-error">{props.error}</div> : null}
    </div>
  );
}
