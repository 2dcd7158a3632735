/** The SDK component names the preview host renders, and a placeholder for the rest. */
import {createController, type Controller} from '@remote-ui/react/host';
import type {ComponentType} from 'react';
import {Banner, Button} from './actions';
import {Checkbox, DateField, Select, TextArea, TextField} from './forms';
import {Badge, Box, Divider, FormFieldGroup, Inline, Link, List, ListItem, Spinner} from './layout';
import {placeholderFor} from './placeholder';
import {ContextView, SettingsView, SignInView} from './views';

// Host components receive whatever props the view sent; each declares the ones it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the controller's own mapping type is ComponentType<any>
type HostComponent = ComponentType<any>;

export const IMPLEMENTED: Record<string, HostComponent> = {
  Badge,
  Banner,
  Box,
  Button,
  Checkbox,
  ContextView,
  DateField,
  Divider,
  FormFieldGroup,
  Inline,
  Link,
  List,
  ListItem,
  Select,
  SettingsView,
  SignInView,
  Spinner,
  TextArea,
  TextField,
};

const base = createController(IMPLEMENTED);

/**
 * remote-ui's controller throws "Unknown component" on a name it lacks, which
 * takes the whole view down; this one answers such names with a placeholder.
 */
export const hostController: Controller = {
  renderer: base.renderer,
  get: (type) => {
    const name = typeof type === 'string' ? type : String(type);
    return IMPLEMENTED[name] ?? placeholderFor(name);
  },
};
