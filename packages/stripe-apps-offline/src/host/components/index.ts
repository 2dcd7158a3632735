/** The SDK component names the preview host renders, and a placeholder for the rest. */
import {createController, type Controller} from '@remote-ui/react/host';
import {createElement, type ComponentType} from 'react';
import {Banner, Button} from './actions';
import {BarChart, LineChart, Sparkline} from './charts';
import {
  Checkbox,
  CurrencyField,
  DateField,
  DateRangePicker,
  FormFieldGroup,
  OptGroup,
  Option,
  Radio,
  SearchField,
  Select,
  StripeFileUploader,
  Switch,
  TextArea,
  TextField,
} from './forms';
import {Icon} from './icons';
import {MeterChart, NextBarChart, NextLineChart, NextTab, NextTabs, SparkLineChart} from './next';
import {Accordion, AccordionItem, Badge, Box, Chip, ChipList, Divider, Img, Inline, Link, List, ListItem, Spinner, TaskList, TaskListItem} from './layout';
import {ButtonGroup, FocusView, Menu, MenuGroup, MenuItem, Tooltip} from './overlays';
import {placeholderFor} from './placeholder';
import {PreviewError} from './previewError';
import {
  DataTable,
  DetailPagePropertyList,
  DetailPageTable,
  PropertyList,
  PropertyListItem,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeaderCell,
  TableRow,
} from './tables';
import {Tab, TabList, TabPanel, TabPanels, Tabs} from './tabs';
import {
  ContextView,
  DetailPage,
  FullPageView,
  OnboardingView,
  OverviewPage,
  PageModule,
  PlatformConfigurationView,
  SettingsView,
  SignInView,
} from './views';

// Host components receive whatever props the view sent; each declares the ones it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the controller's own mapping type is ComponentType<any>
type HostComponent = ComponentType<any>;

/** Every component `@stripe/ui-extension-sdk/ui` exports (a test holds this to the SDK in node_modules). */
export const IMPLEMENTED: Record<string, HostComponent> = {
  Accordion,
  AccordionItem,
  Badge,
  Banner,
  BarChart,
  Box,
  Button,
  ButtonGroup,
  Checkbox,
  Chip,
  ChipList,
  ContextView,
  CurrencyField,
  DataTable,
  DateField,
  DateRangePicker,
  DetailPage,
  DetailPagePropertyList,
  DetailPageTable,
  Divider,
  FocusView,
  FormFieldGroup,
  FullPageView,
  Icon,
  Img,
  Inline,
  LineChart,
  Link,
  List,
  ListItem,
  Menu,
  MenuGroup,
  MenuItem,
  OnboardingView,
  OverviewPage,
  PageModule,
  PlatformConfigurationView,
  PropertyList,
  PropertyListItem,
  Radio,
  SearchField,
  Select,
  SettingsView,
  SignInView,
  Sparkline,
  Spinner,
  StripeFileUploader,
  Switch,
  Tab,
  TabList,
  TabPanel,
  TabPanels,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tabs,
  TaskList,
  TaskListItem,
  TextArea,
  TextField,
  Tooltip,
};

/**
 * What `@stripe/ui-extension-sdk/ui/next` exports, by the name it sends. Tabs,
 * Tab, BarChart and LineChart reuse `ui`'s names with other props; the SDK
 * tells them apart by the `schemaVersion` it adds to every element.
 */
export const IMPLEMENTED_NEXT: Record<string, HostComponent> = {
  BarChart: NextBarChart,
  LineChart: NextLineChart,
  MeterChart,
  SparkLineChart,
  Tab: NextTab,
  Tabs: NextTabs,
};

/** One host component per name: the next one for elements the SDK marks "v9Next", `ui`'s for the rest. */
function bySchema(name: string): HostComponent | undefined {
  const current = IMPLEMENTED[name];
  const next = IMPLEMENTED_NEXT[name];
  if (!next) return current;
  if (!current) return next;
  const Either = (props: {schemaVersion?: string}) => (props.schemaVersion === 'v9Next' ? createElement(next, props) : createElement(current, props));
  Either.displayName = `${name}ByVersion`;
  return Either;
}
const CHOSEN = new Map([...Object.keys(IMPLEMENTED), ...Object.keys(IMPLEMENTED_NEXT)].map((name) => [name, bySchema(name) as HostComponent]));

/**
 * Beyond the SDK's: host elements a view may write inside SDK components
 * (`<option>` in a Select), and the preview runtime's own crash report.
 */
const ELEMENTS: Record<string, HostComponent> = {option: Option, optgroup: OptGroup, PreviewError};

const base = createController({...Object.fromEntries(CHOSEN), ...ELEMENTS});

/**
 * remote-ui's controller throws "Unknown component" on a name it lacks, which
 * takes the whole view down; this one answers such names with a placeholder.
 */
export const hostController: Controller = {
  renderer: base.renderer,
  get: (type) => {
    const name = typeof type === 'string' ? type : String(type);
    return CHOSEN.get(name) ?? ELEMENTS[name] ?? placeholderFor(name);
  },
};
