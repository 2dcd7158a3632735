/**
 * A test-only view (never shipped) that uses every component the SDK's `ui`
 * entry exports, with the main families of props, so the gallery test can
 * prove the preview draws them all and they behave. What a control hands back
 * to the view is echoed in "Last event", proving the round trip.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {
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
  type DateRangePickerValue,
} from '@stripe/ui-extension-sdk/ui';
import {useState} from 'react';

const REVENUE = [
  {month: 'Jan', amount: 1200, plan: 'Basic'},
  {month: 'Feb', amount: 1800, plan: 'Basic'},
  {month: 'Mar', amount: 900, plan: 'Basic'},
  {month: 'Jan', amount: 400, plan: 'Pro'},
  {month: 'Feb', amount: 700, plan: 'Pro'},
  {month: 'Mar', amount: 1500, plan: 'Pro'},
];

const PAYMENTS = [
  {id: 'py_001', customer: 'cus_Ada', amount: 2500, status: 'succeeded', created: 1700000000, receipt: 'https://receipts.example/py_001'},
  {id: 'py_002', customer: 'cus_Ben', amount: 990, status: 'failed', created: 1700086400, receipt: 'https://receipts.example/py_002'},
  {id: 'py_003', customer: 'cus_Cy', amount: 12000, status: 'pending', created: 1700172800, receipt: 'https://receipts.example/py_003'},
];

// A 1×1 SVG as a data URL: always inside the image CSP.
const DOT = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><circle cx="12" cy="12" r="10" fill="#635bff"/></svg>');

const Gallery = ({environment}: ExtensionContextValue) => {
  const [event, setEvent] = useState('none');
  const [focusShown, setFocusShown] = useState(false);
  const [tab, setTab] = useState('overview');
  const [range, setRange] = useState<DateRangePickerValue>({range: 'last7Days', granularity: 'day'});
  const say = (what: string) => setEvent(what);

  return (
    <ContextView
      title="Component gallery"
      description={`Every SDK component, in ${environment.viewportID}`}
      actions={<Button onPress={() => say('header action')}>Header action</Button>}
      banner={<Banner type="default" title="Gallery banner" description="Fragments arrive as remote-ui fragments." />}
      primaryAction={<Button type="primary" onPress={() => say('primary action')}>Primary action</Button>}
      secondaryAction={<Button onPress={() => say('secondary action')}>Secondary action</Button>}
      footerContent={<Inline css={{color: 'secondary'}}>Footer content</Inline>}
      externalLink={{label: 'Docs', href: 'https://docs.stripe.com/stripe-apps/components'}}
    >
      <Box css={{stack: 'y', gap: 'medium'}}>
        <Box css={{padding: 'small', backgroundColor: 'container', borderRadius: 'medium', font: 'caption'}}>Last event: {event}</Box>

        <Tabs selectedKey={tab} onSelectionChange={(key) => {
          setTab(key);
          say(`tab ${key}`);
        }}>
          <TabList>
            <Tab id="overview">Overview</Tab>
            <Tab id="data">Data</Tab>
            <Tab id="forms">Forms</Tab>
            <Tab id="views">Views</Tab>
          </TabList>
          <TabPanels>
            <TabPanel id="overview">
              <Box css={{stack: 'y', gap: 'medium'}}>
                <Box css={{stack: 'x', gap: 'small', alignY: 'center', wrap: 'wrap'}}>
                  <Badge>Neutral</Badge>
                  <Badge type="positive">Positive</Badge>
                  <Badge type="info">Info</Badge>
                  <Badge type="warning">Warning</Badge>
                  <Badge type="negative">Negative</Badge>
                  <Badge type="urgent">Urgent</Badge>
                </Box>
                <Banner type="caution" title="Caution banner" description="With an action and a dismiss button." actions={<Button size="small">Fix it</Button>} onDismiss={() => say('banner dismissed')} />
                <Banner type="critical" title="Critical banner" />
                <Box css={{stack: 'x', gap: 'small', alignY: 'center', wrap: 'wrap'}}>
                  <Button type="primary" onPress={() => say('primary button')}>Primary</Button>
                  <Button>Secondary</Button>
                  <Button type="destructive">Destructive</Button>
                  <Button size="small">Small</Button>
                  <Button size="large">Large</Button>
                  <Button pending>Pending</Button>
                  <Button disabled>Disabled</Button>
                  <Button href="https://stripe.com" target="_blank">Link button</Button>
                  <Button href={{name: 'customers'}}>Route button</Button>
                </Box>
                <ButtonGroup menuTrigger={<Button>More ⋯</Button>}>
                  <Button onPress={() => say('group one')}>One</Button>
                  <Button onPress={() => say('group two')}>Two</Button>
                  <Button onPress={() => say('group three')}>Three</Button>
                  <Button onPress={() => say('group four')}>Four</Button>
                </ButtonGroup>
                <Box css={{stack: 'x', gap: 'medium', alignY: 'center', wrap: 'wrap'}}>
                  <Menu trigger={<Button>Open menu</Button>} onAction={(key) => say(`menu ${String(key)}`)}>
                    <MenuGroup title="Edit">
                      <MenuItem id="rename">Rename</MenuItem>
                      <MenuItem id="duplicate">Duplicate</MenuItem>
                    </MenuGroup>
                    <MenuItem id="archive" disabled>
                      Archive
                    </MenuItem>
                    <MenuItem id="delete">Delete</MenuItem>
                  </Menu>
                  <Tooltip trigger={<Button>Hover for a tip</Button>} placement="bottom">
                    A tooltip&apos;s text
                  </Tooltip>
                  <Button onPress={() => setFocusShown(true)}>Open focus view</Button>
                  <Link href="https://stripe.com" external>
                    External link
                  </Link>
                  <Link onPress={() => say('link pressed')}>Press link</Link>
                  <Link href={{name: 'payments'}} type="secondary">
                    Route link
                  </Link>
                  <Spinner size="medium" />
                </Box>
                <Box css={{stack: 'x', gap: 'small', alignY: 'center', wrap: 'wrap'}}>
                  {(['add', 'check', 'cancel', 'search', 'settings', 'arrowRight', 'chevronDown', 'info', 'warning', 'calendar', 'lock', 'infoCircle', 'addCircleFilled', 'webhook', 'vault', 'zzUnknownIcon'] as const).map((name) => (
                    // An undeclared name on purpose at the end: the host must still draw something.
                    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test's deliberately undeclared icon name
                    <Icon key={name} name={name as any} size="medium" css={{fill: name === 'warning' ? 'attention' : 'primary'}} />
                  ))}
                  <Img src={DOT} alt="Data URL dot" width={24} height={24} />
                  <Img src="https://images.keyring.example/logo.svg" alt="Allowed logo" width={24} height={24} />
                  <Img src="https://elsewhere.example/tracker.png" alt="Blocked tracker" width={24} height={24} />
                </Box>
                <ChipList>
                  <Chip label="Status" value="Active" onClose={() => say('chip closed')} />
                  <Chip label="Currency" value={['USD', 'EUR']} onDropdown={() => say('chip dropdown')} />
                  <Chip label="Add filter" onAddSuggestion={() => say('chip add')} />
                </ChipList>
                <Accordion>
                  <AccordionItem title="First section" subtitle="Opens and closes" onChange={(open) => say(`accordion ${open ? 'open' : 'closed'}`)}>
                    Accordion body one
                  </AccordionItem>
                  <AccordionItem title="Second section" defaultOpen media={<Icon name="bank" />} actions={<Badge type="info">New</Badge>}>
                    Accordion body two
                  </AccordionItem>
                </Accordion>
                <Divider />
                <List onAction={(id) => say(`list ${String(id)}`)}>
                  <ListItem id="one" title="List item" secondaryTitle="Secondary title" value="$10.00" icon={<Icon name="card" />} />
                  <ListItem id="two" title="Large item" size="large" image={<Img src={DOT} alt="" />} value={<Badge type="positive">Paid</Badge>} />
                </List>
                <TaskList>
                  <TaskListItem title="Connect account" status="complete" />
                  <TaskListItem title="Add a key" status="in-progress" onPress={() => say('task pressed')} subTasks={[{title: 'Paste the key', status: 'not-started'}]} />
                  <TaskListItem title="Blocked step" status="blocked" />
                </TaskList>
                <Box css={{display: 'grid', gridColumns: 3, gap: 'small'}}>
                  <Box css={{padding: 'small', keyline: 'neutral', borderRadius: 'small', font: 'heading'}}>Heading</Box>
                  <Box css={{padding: 'small', keyline: 'critical', borderRadius: 'small', color: 'critical'}}>Critical</Box>
                  <Box css={{padding: 'small', boxShadow: 'base', borderRadius: 'small', fontFamily: 'monospace'}}>monospace</Box>
                </Box>
              </Box>
            </TabPanel>
            <TabPanel id="data">
              <Box css={{stack: 'y', gap: 'medium'}}>
                <BarChart data={REVENUE} x="month" y="amount" color="plan" />
                <LineChart data={REVENUE} x="month" y={{value: 'amount', label: 'Revenue'}} color="plan" />
                <Box css={{stack: 'x', gap: 'small', alignY: 'center'}}>
                  Trend <Sparkline data={REVENUE.filter((r) => r.plan === 'Pro')} x="month" y="amount" />
                </Box>
                <Table>
                  <TableHead>
                    <TableRow>
                      <TableHeaderCell>Plan</TableHeaderCell>
                      <TableHeaderCell align="right">Amount</TableHeaderCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    <TableRow>
                      <TableCell>Basic</TableCell>
                      <TableCell align="right">$39.00</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>Pro</TableCell>
                      <TableCell align="right">$26.00</TableCell>
                    </TableRow>
                  </TableBody>
                  <TableFooter>
                    <TableRow>
                      <TableCell>Total</TableCell>
                      <TableCell align="right">$65.00</TableCell>
                    </TableRow>
                  </TableFooter>
                </Table>
                <DataTable
                  columns={[
                    {key: 'id', label: 'Payment', cell: {type: 'id'}},
                    {key: 'customer', label: 'Customer'},
                    {key: 'amount', label: 'Amount', cell: {type: 'currency', currency: 'usd'}},
                    {key: 'status', label: 'Status', cell: {type: 'status', statusMap: {succeeded: 'positive', failed: 'negative', pending: 'warning'}}},
                    {key: 'created', label: 'Created', cell: {type: 'date', options: {style: 'medium-year-month-day', timeZone: 'UTC'}}},
                    {key: 'receipt', label: 'Receipt', cell: {type: 'link', linkMap: {'https://receipts.example/py_001': 'Receipt 1'}}},
                  ]}
                  items={PAYMENTS}
                  onRowClick={(item) => say(`row ${item.id}`)}
                  rowActions={[{id: 'refund', label: 'Refund', onPress: (item) => say(`refund ${item.id}`)}]}
                  pagination={{pageSize: 2}}
                />
                <PropertyList>
                  <PropertyListItem label="Customer" value="Ada Lovelace" />
                  <PropertyListItem label="Email" value={<Link href="mailto:ada@keyring.example">ada@keyring.example</Link>} />
                </PropertyList>
                <PropertyList orientation="horizontal">
                  <PropertyListItem label="Plan" value="Pro" />
                  <PropertyListItem label="Seats" value="12" />
                </PropertyList>
              </Box>
            </TabPanel>
            <TabPanel id="forms">
              <FormFieldGroup legend="Field group" description="Every field kind">
                <TextField label="Text field" placeholder="Type here" onChange={(e) => say(`text ${e.target.value}`)} />
                <TextArea label="Text area" rows={2} />
                <Select label="Select" name="plan" defaultValue="pro" onChange={(e) => say(`select ${e.target.value}`)}>
                  <option value="">Choose a plan</option>
                  {/* The SDK's lint allows <option> but not <optgroup>; views use it anyway, so the host draws it. */}
                  {/* eslint-disable-next-line no-restricted-syntax */}
                  <optgroup label="Monthly">
                    <option value="basic">Basic</option>
                    <option value="pro">Pro</option>
                  </optgroup>
                  <option value="enterprise" disabled>
                    Enterprise
                  </option>
                </Select>
                <Checkbox label="Checkbox" onChange={(e) => say(`checkbox ${String(e.target.checked)}`)} />
                <Switch label="Switch" description="Turns a thing on" onChange={(e) => say(`switch ${String(e.target.checked)}`)} />
                <FormFieldGroup legend="Radio group" layout="horizontal">
                  <Radio name="cadence" value="monthly" label="Monthly" defaultChecked onChange={(e) => say(`radio ${e.target.value}`)} />
                  <Radio name="cadence" value="yearly" label="Yearly" onChange={(e) => say(`radio ${e.target.value}`)} />
                </FormFieldGroup>
                <CurrencyField label="Amount" currency="USD" currencyAllowlist={['USD', 'EUR']} onChange={(value) => say(`amount ${String(value)}`)} />
                <DateField label="Date field" onChange={(day) => say(`date ${day}`)} />
                <DateRangePicker
                  label="Date range"
                  timeZone="UTC"
                  value={range}
                  showDateGranularityToggle
                  onChange={(next) => {
                    setRange(next);
                    say(`range ${typeof next.range === 'string' ? next.range : 'custom'}`);
                  }}
                />
                <SearchField
                  label="Search customers"
                  selectionMode="single"
                  placeholder="Name…"
                  data={[
                    {id: 'cus_ada', value: 'Ada Lovelace'},
                    {id: 'cus_ben', value: 'Ben Okafor'},
                    {id: 'cus_cy', value: 'Cy Young'},
                  ]}
                  onSelectionChange={(key) => say(`search ${String(key)}`)}
                />
                <StripeFileUploader label="Upload a document" purpose="dispute_evidence" onComplete={(file) => say(`uploaded ${file.filename ?? ''}`)} />
              </FormFieldGroup>
            </TabPanel>
            <TabPanel id="views">
              <Box css={{stack: 'y', gap: 'large'}}>
                <SettingsView onSave={(values) => say(`settings saved ${JSON.stringify(values)}`)} statusMessage="All good">
                  <TextField label="Setting" name="setting" defaultValue="on" />
                </SettingsView>
                <SignInView
                  description="Sign in to continue"
                  primaryAction={{label: 'Sign in', onPress: () => say('sign in')}}
                  secondaryAction={{label: 'Learn more', href: 'https://stripe.com'}}
                  footerContent={<Inline>Sign-in footer</Inline>}
                />
                <OnboardingView
                  title="Onboarding"
                  description="Three steps"
                  completed={false}
                  tasks={[
                    {title: 'Install', status: 'complete'},
                    {title: 'Configure', status: 'in-progress', onPress: () => say('onboarding task')},
                  ]}
                >
                  Onboarding body
                </OnboardingView>
                <PlatformConfigurationView onSubmit={({values, successCallback}) => {
                  say(`configured ${JSON.stringify(values)}`);
                  successCallback();
                }}>
                  <TextField label="Platform setting" name="platform" defaultValue="x" />
                </PlatformConfigurationView>
                <FullPageView pageAction={{label: 'Page action', onPress: () => say('page action')}}>
                  <OverviewPage
                    primaryColumn={
                      <PageModule title="Overview module" subtitle="In the primary column" extraActions={[{label: 'Module action', onPress: () => say('module action')}]}>
                        Module body
                      </PageModule>
                    }
                    secondaryColumn={<PageModule title="Side module">Side body</PageModule>}
                  />
                </FullPageView>
                <DetailPage
                  title="Customer detail"
                  description="cus_Ada"
                  breadcrumbs={[{type: 'link', label: 'Customers', route: {name: 'fullPageGlob', params: {glob: ['customers']}}}]}
                  actions={[{label: 'Edit customer', onPress: () => say('detail action')}]}
                  primaryColumn={
                    <DetailPageTable
                      pending={false}
                      columns={[
                        {key: 'id', label: 'Invoice', cell: {type: 'id'}},
                        {key: 'total', label: 'Total', cell: {type: 'currency', currency: 'eur'}},
                      ]}
                      items={[{id: 'in_1', total: 4200}]}
                      onItemPress={(item) => say(`detail row ${item.id}`)}
                    />
                  }
                  secondaryColumn={
                    <DetailPagePropertyList
                      pending={false}
                      items={[{label: 'Email', values: [{value: {text: 'ada@keyring.example'}}]}]}
                    />
                  }
                />
              </Box>
            </TabPanel>
          </TabPanels>
        </Tabs>
      </Box>
      <FocusView
        title="Focus view"
        shown={focusShown}
        setShown={(shown) => {
          setFocusShown(shown);
          say(`focus ${shown ? 'shown' : 'closed'}`);
        }}
        primaryAction={<Button type="primary" onPress={() => setFocusShown(false)}>Done</Button>}
        secondaryAction={<Button onPress={() => setFocusShown(false)}>Cancel</Button>}
      >
        <TextField label="Inside the focus view" />
      </FocusView>
    </ContextView>
  );
};

export default Gallery;
